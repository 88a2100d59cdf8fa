package org.cartable.web.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.cartable.api.Caller;
import org.cartable.api.CartableException;
import org.cartable.core.service.Accounts;
import org.cartable.core.service.IssuedToken;
import org.cartable.core.service.PasswordChangeRequired;

/** Logins and passwords in a map; five failures for a login throttle it, like the real service. */
final class InMemoryAccounts implements Accounts {

    private final Map<String, String> passwords = new HashMap<>();
    private final Map<String, Caller> callers = new HashMap<>();
    private final Map<String, Integer> failures = new HashMap<>();
    private final Map<String, String> tokens = new HashMap<>();
    private final Map<String, String> firstLoginCodes = new HashMap<>();
    String lastClientAddress;

    void add(Caller caller, String password) {
        passwords.put(caller.login(), password);
        callers.put(caller.login(), caller);
    }

    /** The account as the directory now knows it (new roles), or gone (blocked, deleted) when null. */
    void replace(Caller before, Caller now) {
        callers.remove(before.login());
        if (now != null) {
            callers.put(now.login(), now);
        }
    }

    @Override
    public Caller authenticate(String login, String password, String newPassword, String clientAddress) {
        lastClientAddress = clientAddress;
        if (failures.getOrDefault(login, 0) >= 5) {
            throw new CartableException(CartableException.Kind.TOO_MANY_REQUESTS, "Too many attempts.");
        }
        if (!password.equals(passwords.get(login))) {
            failures.merge(login, 1, Integer::sum);
            throw CartableException.unauthorized("Wrong login or password.");
        }
        failures.remove(login);
        if (firstLoginCodes.containsKey(login)) {
            if (newPassword == null) {
                throw new PasswordChangeRequired();
            }
            if (newPassword.length() < 8) {
                throw CartableException.badRequest("Too short.");
            }
            firstLoginCodes.remove(login);
            passwords.put(login, newPassword);
        }
        return callers.get(login);
    }

    /** Replaces the caller's password by a first-login code, which only signs in with a new password. */
    void firstLoginCode(Caller caller, String code) {
        passwords.put(caller.login(), code);
        firstLoginCodes.put(caller.login(), code);
    }

    @Override
    public Caller authenticateForExport(String login, String password, String clientAddress) {
        return authenticate(login, password, clientAddress);
    }

    @Override
    public IssuedToken issueToken(Caller caller) {
        String token = UUID.randomUUID().toString();
        tokens.put(token, caller.userId());
        return new IssuedToken(token, Instant.now().plus(Duration.ofHours(12)));
    }

    @Override
    public Optional<Caller> resolveToken(String token) {
        return Optional.ofNullable(tokens.get(token)).flatMap(this::caller);
    }

    @Override
    public void revokeToken(String token) {
        tokens.remove(token);
    }

    @Override
    public void revokeToken(String token, String clientAddress) {
        tokens.remove(token);
    }

    /** Sign-outs recorded, as "login@address". */
    final java.util.List<String> signOuts = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override
    public void recordSignOut(Caller caller, String clientAddress) {
        signOuts.add(caller.login() + "@" + clientAddress);
    }

    @Override
    public Optional<Caller> caller(String userId) {
        return callers.values().stream().filter(c -> c.userId().equals(userId)).findFirst();
    }
}
