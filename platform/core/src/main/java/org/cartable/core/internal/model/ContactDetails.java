package org.cartable.core.internal.model;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/**
 * How to reach a guardian, as the imports give it; the normalised keys match a parent across schools.
 */
@Entity
@Table(name = "CORE_DIR_CONTACT")
public class ContactDetails {

    @Id
    @Column(name = "PERSON_ID", length = 36)
    private String personId;

    @Column(name = "EMAIL")
    private String email;

    /** Lower-cased, trimmed e-mail. */
    @Column(name = "EMAIL_KEY")
    private String emailKey;

    @Column(name = "PHONE", length = 40)
    private String phone;

    /** Digits only, +33 written as a leading 0. */
    @Column(name = "PHONE_KEY", length = 40)
    private String phoneKey;

    protected ContactDetails() {
    }

    public ContactDetails(String personId) {
        this.personId = personId;
    }

    public String getPersonId() {
        return personId;
    }

    public String getEmail() {
        return email;
    }

    public String getEmailKey() {
        return emailKey;
    }

    public String getPhoneKey() {
        return phoneKey;
    }

    public String getPhone() {
        return phone;
    }

    /**
     * Keeps the new address or number when it differs from the stored one once normalised (sources write the same
     * address in different cases, the same number with or without +33).
     *
     * @return whether anything changed
     */
    public boolean update(String email, String emailKey, String phone, String phoneKey) {
        boolean changed = false;
        if (emailKey != null && !emailKey.equals(this.emailKey)) {
            this.email = email;
            this.emailKey = emailKey;
            changed = true;
        }
        if (phoneKey != null && !phoneKey.equals(this.phoneKey)) {
            this.phone = phone;
            this.phoneKey = phoneKey;
            changed = true;
        }
        return changed;
    }
}
