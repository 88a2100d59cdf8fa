package org.cartable.api;

import java.io.Serializable;
import java.util.Objects;
import java.util.Set;

/**
 * The authenticated person behind a request.
 *
 * @param userId      stable, non-guessable id of the person's account
 * @param login       the login they signed in with
 * @param displayName name to show ("Marie Dupont")
 * @param roles       every role the account holds
 */
public record Caller(String userId, String login, String displayName, Set<Role> roles) implements Serializable {

    public Caller {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(displayName, "displayName");
        roles = Set.copyOf(roles);
    }

    /** @return whether the account holds this role */
    public boolean has(Role role) {
        return roles.contains(role);
    }
}
