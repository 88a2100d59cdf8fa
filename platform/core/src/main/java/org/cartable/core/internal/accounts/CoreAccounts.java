package org.cartable.core.internal.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import org.apache.aries.jpa.template.JpaTemplate;
import org.cartable.api.Caller;
import org.cartable.api.CartableException;
import org.cartable.api.audit.AuditEvent;
import org.cartable.api.audit.AuditLog;
import org.cartable.api.audit.AuditTypes;
import org.cartable.core.internal.cache.ShortLivedCache;
import org.cartable.core.internal.model.AccessToken;
import org.cartable.core.internal.model.Changes;
import org.cartable.core.internal.model.Person;
import org.cartable.core.internal.model.PersonStatus;
import org.cartable.core.internal.schema.CoreSchema;
import org.cartable.core.service.Accounts;
import org.cartable.core.service.FirstLoginCodeExpired;
import org.cartable.core.service.IssuedToken;
import org.cartable.core.service.PasswordChangeRequired;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Sign-in against bcrypt hashes, opaque bearer tokens stored as SHA-256, throttling per login and per address.
 * Unknown logins cost a bcrypt check too, so that timing does not tell which logins exist. Imported accounts start
 * with a first-login code ({@link InitialCodes}) that only lets its owner choose a password, once, before it expires.
 */
@Component(service = Accounts.class, configurationPid = AccountsConfig.PID)
@Designate(ocd = AccountsConfig.class)
public final class CoreAccounts implements Accounts {

    static final String BAD_CREDENTIALS = "Unknown login or wrong password.";
    private static final int MAX_LOGIN_LENGTH = 100;
    private static final int MAX_PASSWORD_LENGTH = 1000;
    private static final int TOKEN_BYTES = 32;
    private static final Duration IDLE_GRAIN = Duration.ofMinutes(1);
    private static final Duration TOKEN_CACHE_TTL = Duration.ofSeconds(5);
    /** Same floor as the web form's; a first-login code is replaced by nothing shorter. */
    public static final int MIN_NEW_PASSWORD_LENGTH = 8;

    private final JpaTemplate jpa;
    private final Clock clock;
    private final PasswordHasher hasher;
    private final Duration tokenTtl;
    private final Duration tokenIdle;
    private final AuditLog audit;
    private final LoginThrottle perLogin;
    private final LoginThrottle perAddress;
    private final String dummyHash;
    private final SecureRandom random = new SecureRandom();
    /**
     * The callers of recently resolved tokens, by token hash, for a few seconds: most of a visit's requests come within
     * seconds of each other. An entry serves only while {@link Changes#ACCOUNTS} has not moved since it was read (a
     * revocation, a blocked or purged account, a new password end every entry at once), and never past the token's
     * expiry or the next write of its idle clock.
     */
    private final ShortLivedCache<String, Caller> tokens;
    private final ShortLivedCache<String, Caller> callers;

    @Activate
    public CoreAccounts(@Reference CoreSchema schema,
                        @Reference(target = CoreSchema.UNIT_FILTER) JpaTemplate jpa,
                        @Reference AuditLog audit,
                        AccountsConfig config) {
        this(jpa, AccountSettings.from(config), Clock.systemUTC(), new PasswordHasher(config.bcryptCost()), audit);
    }

    /** Builds the component outside OSGi (tests, tools) from already resolved collaborators, without audit log. */
    public static CoreAccounts create(JpaTemplate jpa, AccountSettings settings, Clock clock) {
        return create(jpa, settings, clock, event -> { });
    }

    /** Builds the component outside OSGi (tests, tools) from already resolved collaborators. */
    public static CoreAccounts create(JpaTemplate jpa, AccountSettings settings, Clock clock, AuditLog audit) {
        return new CoreAccounts(jpa, settings, clock, new PasswordHasher(settings.bcryptCost()), audit);
    }

    /** With a given hasher: tests check which paths run a password check. */
    static CoreAccounts create(JpaTemplate jpa, AccountSettings settings, Clock clock, PasswordHasher hasher,
                               AuditLog audit) {
        return new CoreAccounts(jpa, settings, clock, hasher, audit);
    }

    private CoreAccounts(JpaTemplate jpa, AccountSettings settings, Clock clock, PasswordHasher hasher,
                         AuditLog audit) {
        this.jpa = jpa;
        this.clock = clock;
        this.hasher = hasher;
        this.audit = audit;
        this.tokenTtl = settings.tokenTtl();
        this.tokenIdle = settings.tokenIdle();
        this.perLogin = new LoginThrottle(settings.maxFailuresPerLogin(), settings.failureWindow(), clock);
        this.perAddress = new LoginThrottle(settings.maxFailuresPerAddress(), settings.failureWindow(), clock);
        this.tokens = new ShortLivedCache<>(TOKEN_CACHE_TTL, Changes.ACCOUNTS::current, clock);
        // The web shell asks for the signed-in person again on every page. Roles change with the directory (an import
        // that makes someone a teacher also assigns them a class), hence its counter too.
        this.callers = new ShortLivedCache<>(TOKEN_CACHE_TTL,
                Changes::directoryOrAccounts, clock);
        // Same cost as real hashes, so that checking an unknown login takes as long as checking a known one.
        byte[] secret = new byte[16];
        random.nextBytes(secret);
        this.dummyHash = hasher.hash(HexFormat.of().formatHex(secret));
    }

    @Override
    public Caller authenticate(String login, String password, String newPassword, String clientAddress) {
        return authenticate(login, password, newPassword, clientAddress, false);
    }

    @Override
    public Caller authenticateForExport(String login, String password, String clientAddress) {
        return authenticate(login, password, null, clientAddress, true);
    }

    private Caller authenticate(String login, String password, String newPassword, String clientAddress,
                                boolean forExport) {
        if (login == null || login.isBlank() || password == null || password.isEmpty()) {
            throw CartableException.badRequest("Login and password are required.");
        }
        if (login.length() > MAX_LOGIN_LENGTH || password.length() > MAX_PASSWORD_LENGTH) {
            throw CartableException.unauthorized(BAD_CREDENTIALS);
        }
        String loginKey = Person.loginKey(login);
        String addressKey = clientAddress == null || clientAddress.isBlank() ? "unknown" : clientAddress;
        // The slots are taken before the slow check, under the throttles' locks: parallel wrong passwords cannot all
        // pass the limit before the first of them is counted. A slot counts as a failure unless given back.
        Optional<LoginThrottle.Reservation> maybeLoginSlot = perLogin.tryReserve(loginKey);
        if (maybeLoginSlot.isEmpty()) {
            audit.record(AuditEvent.of(AuditTypes.LOGIN_THROTTLED).actor(null, login.trim()).detail("login")
                    .from(clientAddress));
            throw throttled(perLogin, loginKey);
        }
        LoginThrottle.Reservation loginSlot = maybeLoginSlot.get();
        Optional<LoginThrottle.Reservation> addressSlot = perAddress.tryReserve(addressKey);
        if (addressSlot.isEmpty()) {
            perLogin.release(loginSlot);
            audit.record(AuditEvent.of(AuditTypes.LOGIN_THROTTLED).actor(null, login.trim()).detail("address")
                    .from(clientAddress));
            throw throttled(perAddress, addressKey);
        }
        boolean failed = false;
        try {
            Optional<Person> found = jpa.txExpr(em -> em.createQuery(
                            "select p from Person p where p.loginKey = :key", Person.class)
                    .setParameter("key", loginKey).getResultList().stream().findFirst());
            String stored = found.map(Person::getPasswordHash).orElse(dummyHash);
            boolean initial = InitialCodes.isInitial(stored);
            boolean matches;
            if (initial) {
                matches = InitialCodes.verify(password, stored);
                // The SHA-256 check is instant: spend a bcrypt check too, so that timing does not tell that this
                // login exists and still has its first-login code.
                hasher.verify(password, dummyHash);
            } else {
                matches = hasher.verify(password, stored);
            }
            if (found.isEmpty() || !matches) {
                failed = true;
                // The log tells operators which it was; the client never learns it.
                audit.record(AuditEvent.of(AuditTypes.LOGIN_FAILURE)
                        .actor(found.map(Person::getId).orElse(null), login.trim())
                        .detail(found.isEmpty() ? "unknown login" : "wrong password").from(clientAddress));
                throw CartableException.unauthorized(BAD_CREDENTIALS);
            }
            Person person = found.get();
            // Someone who left the directory keeps the right to download their data until the purge.
            boolean allowed = person.isActive() || forExport && person.getStatus() == PersonStatus.PRE_DELETED;
            if (!allowed) {
                audit.record(AuditEvent.of(AuditTypes.LOGIN_FAILURE).actor(person.getId(), person.getLogin())
                        .detail("blocked account").from(clientAddress));
                // Only someone who knows the password learns that the account is blocked.
                throw CartableException.unauthorized("This account is blocked. Please contact your school.");
            }
            // The export opens no session: a right first-login code proves who is asking, no new password is needed.
            if (initial && !forExport) {
                firstSignIn(person, password, newPassword);
            }
            perLogin.reset(loginKey);
            audit.record(AuditEvent.of(AuditTypes.LOGIN_SUCCESS).actor(person.getId(), person.getLogin())
                    .from(clientAddress));
            return toCaller(person);
        } finally {
            if (!failed) {
                // Right password (or an error before any check): the attempt was no guess, give the slots back.
                perLogin.release(loginSlot);
                perAddress.release(addressSlot.get());
            }
        }
    }

    /** Replaces a right, unexpired first-login code by the person's own password, or says that one is needed. */
    private void firstSignIn(Person person, String code, String newPassword) {
        Instant expiresAt = person.getInitialCodeExpiresAt();
        if (expiresAt == null || !clock.instant().isBefore(expiresAt)) {
            throw new FirstLoginCodeExpired();
        }
        if (newPassword == null || newPassword.isEmpty()) {
            throw new PasswordChangeRequired();
        }
        if (newPassword.length() < MIN_NEW_PASSWORD_LENGTH || newPassword.length() > MAX_PASSWORD_LENGTH) {
            throw CartableException.badRequest("Choose a password of " + MIN_NEW_PASSWORD_LENGTH + " to "
                    + MAX_PASSWORD_LENGTH + " characters.");
        }
        if (newPassword.equals(code)) {
            throw CartableException.badRequest("Choose a password of your own, not the first-login code.");
        }
        String hash = hasher.hash(newPassword); // slow: outside the transaction
        String codeHash = person.getPasswordHash();
        Changes.ACCOUNTS.changed();
        int updated = jpa.txExpr(em -> em.createQuery("update Person p set p.passwordHash = :hash,"
                        + " p.initialCodeExpiresAt = null where p.id = :id and p.passwordHash = :code")
                .setParameter("hash", hash).setParameter("id", person.getId()).setParameter("code", codeHash)
                .executeUpdate());
        Changes.ACCOUNTS.changed();
        if (updated == 0) {
            // Used at the same moment by another sign-in: the code is spent, one password only wins.
            throw CartableException.unauthorized(BAD_CREDENTIALS);
        }
    }

    private static CartableException throttled(LoginThrottle throttle, String key) {
        // The wait can only be missing if the window slid between the refusal and now: say one minute then.
        Duration wait = throttle.blockedFor(key).orElse(Duration.ofMinutes(1));
        long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
        return CartableException.tooManyRequests("Too many failed sign-in attempts. Please wait " + minutes
                + (minutes == 1 ? " minute" : " minutes") + " before trying again.", wait);
    }

    @Override
    public IssuedToken issueToken(Caller caller) {
        if (caller == null) {
            throw CartableException.unauthorized("Sign in first.");
        }
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        jpa.tx(em -> {
            Person person = em.find(Person.class, caller.userId());
            if (person == null || !person.isActive()) {
                throw CartableException.unauthorized("This account cannot sign in.");
            }
            // Each sign-in clears the person's expired tokens, which keeps the table bounded without a job.
            em.createQuery("delete from AccessToken t where t.personId = :person and t.expiresAt <= :now")
                    .setParameter("person", person.getId()).setParameter("now", now).executeUpdate();
            em.persist(new AccessToken(sha256(token), person.getId(), now, now.plus(tokenTtl)));
            person.setLastSignInAt(now); // usage figures count people who signed in lately
        });
        return new IssuedToken(token, now.plus(tokenTtl));
    }

    @Override
    public Optional<Caller> resolveToken(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        String hash = sha256(token);
        Instant now = clock.instant();
        Optional<Caller> cached = tokens.find(hash);
        if (cached.isPresent()) {
            return cached;
        }
        // Read before the database: a change committed after this read leaves the entry stale and thus unused.
        long changes = Changes.ACCOUNTS.current();
        return jpa.txExpr(em -> {
            AccessToken stored = em.find(AccessToken.class, hash);
            if (stored == null) {
                return Optional.<Caller>empty();
            }
            if (!stored.getExpiresAt().isAfter(now) || !stored.lastUsedAt().plus(tokenIdle).isAfter(now)) {
                em.remove(stored);
                return Optional.<Caller>empty();
            }
            // Written at most once a minute per token: the idle clock needs no finer grain than that.
            if (stored.lastUsedAt().plus(IDLE_GRAIN).isBefore(now)) {
                stored.setLastUsedAt(now);
            }
            Person person = em.find(Person.class, stored.getPersonId());
            if (person == null || !person.isActive()) {
                return Optional.<Caller>empty();
            }
            Caller caller = toCaller(person);
            // Kept no longer than the token is valid and its idle clock needs no write.
            Instant until = min(stored.getExpiresAt(), stored.lastUsedAt().plus(IDLE_GRAIN));
            tokens.keep(hash, caller, changes, until);
            return Optional.of(caller);
        });
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    @Override
    public void revokeToken(String token) {
        revokeToken(token, null);
    }

    @Override
    public void revokeToken(String token, String clientAddress) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return;
        }
        String hash = sha256(token);
        tokens.forget(hash);
        Changes.ACCOUNTS.changed();
        try {
            jpa.tx(em -> {
                AccessToken stored = em.find(AccessToken.class, hash);
                if (stored == null) {
                    return;
                }
                Person person = em.find(Person.class, stored.getPersonId());
                em.remove(stored);
                audit.record(AuditEvent.of(AuditTypes.LOGOUT)
                        .actor(stored.getPersonId(), person == null ? null : person.getLogin())
                        .detail("token").from(clientAddress));
            });
        } finally {
            Changes.ACCOUNTS.changed();
        }
    }

    @Override
    public void recordSignOut(Caller caller, String clientAddress) {
        if (caller != null) {
            audit.record(AuditEvent.by(caller, AuditTypes.LOGOUT).detail("web session").from(clientAddress));
        }
    }

    @Override
    public Optional<Caller> caller(String userId) {
        if (userId == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(callers.get(userId, () -> jpa.txExpr(em -> Optional.ofNullable(
                em.find(Person.class, userId)).filter(Person::isActive).map(CoreAccounts::toCaller).orElse(null))));
    }

    /** @return a bcrypt hash with the configured cost, for accounts created by the platform */
    public String hashPassword(String password) {
        return hasher.hash(password);
    }

    static Caller toCaller(Person person) {
        return new Caller(person.getId(), person.getLogin(), person.displayName(), person.getRoles());
    }

    static String sha256(String token) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

}
