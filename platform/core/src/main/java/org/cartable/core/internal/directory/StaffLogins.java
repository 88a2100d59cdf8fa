package org.cartable.core.internal.directory;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.persistence.EntityManager;

/**
 * Logins for the staff import's new accounts: "first.last", or with the first free number after it, unique among
 * every account (pupils', parents' and staff's share one namespace). Same rule as the pupils' import.
 */
final class StaffLogins {
    private final EntityManager em;
    private final Set<String> exactlyTaken = new HashSet<>();
    private final Set<String> checked = new HashSet<>();
    private final Map<String, Set<String>> numbered = new HashMap<>();
    /** logins given in this transaction, not in the database yet */
    private final Set<String> allocated = new HashSet<>();

    StaffLogins(EntityManager em) {
        this.em = em;
    }

    void prefetch(Collection<String> bases) {
        List<String> unknown = bases.stream().filter(b -> !checked.contains(b)).distinct().toList();
        for (int i = 0; i < unknown.size(); i += 500) {
            exactlyTaken.addAll(em.createQuery("select p.loginKey from Person p where p.loginKey in :keys",
                    String.class).setParameter("keys", unknown.subList(i, Math.min(unknown.size(), i + 500)))
                    .getResultList());
        }
        checked.addAll(unknown);
    }

    String allocate(String base) {
        prefetch(List.of(base));
        if (!exactlyTaken.contains(base) && allocated.add(base)) {
            return base;
        }
        Set<String> taken = numbered.computeIfAbsent(base, b -> new HashSet<>(em.createQuery(
                        "select p.loginKey from Person p where p.loginKey like :prefix", String.class)
                .setParameter("prefix", b.replace("_", "\\_").replace("%", "\\%") + "%")
                .getResultList()));
        for (int n = 2; ; n++) {
            String login = base + n;
            if (!taken.contains(login) && allocated.add(login)) {
                return login;
            }
        }
    }
}
