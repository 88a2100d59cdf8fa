package org.cartable.core.internal.model;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import javax.persistence.CollectionTable;
import javax.persistence.Column;
import javax.persistence.ElementCollection;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.FetchType;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.PreRemove;
import javax.persistence.Table;

import org.cartable.api.Role;

/** A person is an account: pupils, parents and staff all sign in. */
@Entity
@Table(name = "CORE_PERSON")
public class Person {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "LOGIN", nullable = false)
    private String login;

    @Column(name = "LOGIN_KEY", nullable = false, unique = true)
    private String loginKey;

    @Column(name = "PASSWORD_HASH", nullable = false)
    private String passwordHash;

    @Column(name = "FIRST_NAME", nullable = false)
    private String firstName;

    @Column(name = "LAST_NAME", nullable = false)
    private String lastName;

    @Enumerated(EnumType.STRING)
    @Column(name = "STATUS", nullable = false)
    private PersonStatus status;

    @Column(name = "CREATED_AT", nullable = false)
    private Instant createdAt;

    @Column(name = "LAST_SIGN_IN_AT")
    private Instant lastSignInAt;

    @Column(name = "EMAIL")
    private String email;

    @Column(name = "LANGUAGE")
    private String language;

    /** Set while the password hash is a first-login code (see InitialCodes): the code stops working then. */
    @Column(name = "INITIAL_CODE_EXPIRES_AT")
    private Instant initialCodeExpiresAt;

    @Column(name = "QUIET_FROM")
    private String quietFrom;

    @Column(name = "QUIET_TO")
    private String quietTo;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "CORE_PERSON_ROLE", joinColumns = @JoinColumn(name = "PERSON_ID"))
    @Enumerated(EnumType.STRING)
    @Column(name = "ROLE_NAME", nullable = false)
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    protected Person() {
    }

    public Person(String login, String passwordHash, String firstName, String lastName, Set<Role> roles,
                  Instant createdAt) {
        this.id = Ids.newId();
        this.login = login;
        this.loginKey = loginKey(login);
        this.passwordHash = passwordHash;
        this.firstName = firstName;
        this.lastName = lastName;
        this.status = PersonStatus.ACTIVE;
        this.createdAt = createdAt;
        this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    /** Logins are compared case-insensitively, whatever the database's collation. */
    public static String loginKey(String login) {
        return login.trim().toLowerCase(Locale.ROOT);
    }

    public String getId() {
        return id;
    }

    public String getLogin() {
        return login;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public void setPasswordHash(String passwordHash) {
        Changes.ACCOUNTS.changed();
        this.passwordHash = passwordHash;
    }

    /** @return when the first-login code stored as the password hash expires; null for a real password */
    public Instant getInitialCodeExpiresAt() {
        return initialCodeExpiresAt;
    }

    /** Stores a first-login code's hash, valid until the instant. */
    public void setInitialCode(String codeHash, Instant expiresAt) {
        Changes.ACCOUNTS.changed();
        this.passwordHash = codeHash;
        this.initialCodeExpiresAt = expiresAt;
    }

    public String getFirstName() {
        return firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public String displayName() {
        return firstName + " " + lastName;
    }

    public PersonStatus getStatus() {
        return status;
    }

    public void setStatus(PersonStatus status) {
        Changes.ACCOUNTS.changed();
        this.status = status;
    }

    public boolean isActive() {
        return status == PersonStatus.ACTIVE;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Set<Role> getRoles() {
        return roles;
    }

    /** Signed-in callers of this person are cached by token: they must not outlive the account. */
    @PreRemove
    void removed() {
        Changes.ACCOUNTS.changed();
    }

    public Instant getLastSignInAt() {
        return lastSignInAt;
    }

    public void setLastSignInAt(Instant lastSignInAt) {
        this.lastSignInAt = lastSignInAt;
    }

    /** @return the address notices are mailed to, or null */
    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    /** @return the language of the person's e-mails ("fr", "en"), or null for French */
    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }

    /** @return start of the quiet hours as HH:mm, or null when the person has none */
    public String getQuietFrom() {
        return quietFrom;
    }

    public String getQuietTo() {
        return quietTo;
    }

    public void setQuietHours(String from, String to) {
        this.quietFrom = from;
        this.quietTo = to;
    }
}
