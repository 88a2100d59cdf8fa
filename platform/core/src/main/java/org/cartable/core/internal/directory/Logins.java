package org.cartable.core.internal.directory;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.persistence.EntityManager;

/**
 * Logins for new accounts: "first.last", or with the first free number after it, unique among every account (pupils',
 * parents' and staff's share one namespace, so the pupils' and the staff imports both allocate here). Which bases are
 * taken is read for all of a school's new accounts at once; only a base already taken costs a query of its own (for
 * its numbered variants).
 */
final class Logins {
    private final EntityManager em;
    private final Set<String> exactlyTaken = new HashSet<>();
    private final Set<String> checked = new HashSet<>();
    private final Map<String, Set<String>> numbered = new HashMap<>();
    /** logins given to this run's accounts, not yet in the database */
    private final Set<String> allocated = new HashSet<>();

    Logins(EntityManager em) {
        this.em = em;
    }

    void prefetch(Collection<String> bases) {
        List<String> unknown = bases.stream().filter(b -> !checked.contains(b)).distinct().toList();
        CoreDirectoryAdmin.forChunks(unknown, chunk -> {
            for (Object key : em.createNativeQuery("select LOGIN_KEY from CORE_PERSON"
                            + CoreDirectoryAdmin.useIndex("constraint", "UQ_CORE_PERSON_LOGIN") + " where LOGIN_KEY in (:keys)")
                    .setParameter("keys", chunk).getResultList()) {
                exactlyTaken.add((String) key);
            }
        });
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
