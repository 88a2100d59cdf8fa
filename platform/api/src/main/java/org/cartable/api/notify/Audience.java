package org.cartable.api.notify;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The people a notice is for. Pupils' parents are resolved by the platform when the notice is published, and each
 * parent's feed item says which child it concerns.
 *
 * @param persons         accounts addressed directly (teachers, a pupil's own account, ...)
 * @param pupilsAndParents pupils addressed together with all their parents
 * @param parentsOnly      pupils whose parents (not the pupil) are addressed
 */
public record Audience(Set<String> persons, Set<String> pupilsAndParents, Set<String> parentsOnly) {

    public Audience {
        persons = Set.copyOf(persons);
        pupilsAndParents = Set.copyOf(pupilsAndParents);
        parentsOnly = Set.copyOf(parentsOnly);
    }

    public static Audience persons(Collection<String> personIds) {
        return new Audience(Set.copyOf(personIds), Set.of(), Set.of());
    }

    public static Audience pupilsAndParents(Collection<String> pupilIds) {
        return new Audience(Set.of(), Set.copyOf(pupilIds), Set.of());
    }

    public static Audience parentsOf(Collection<String> pupilIds) {
        return new Audience(Set.of(), Set.of(), Set.copyOf(pupilIds));
    }

    /** @return both audiences together */
    public Audience and(Audience other) {
        return new Audience(union(persons, other.persons), union(pupilsAndParents, other.pupilsAndParents),
                union(parentsOnly, other.parentsOnly));
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return all;
    }
}
