package org.cartable.api.territory;

import java.io.Serializable;
import java.util.Set;

/**
 * The part of the territory a caller may see.
 *
 * @param everything     operators and platform admins: all collectivities and schools
 * @param collectivities collectivities the caller administers (all their schools included)
 * @param schools        schools the caller may see, those of its collectivities included
 */
public record TerritoryScope(boolean everything, Set<String> collectivities, Set<String> schools)
        implements Serializable {

    public TerritoryScope {
        collectivities = Set.copyOf(collectivities);
        schools = Set.copyOf(schools);
    }

    public static TerritoryScope none() {
        return new TerritoryScope(false, Set.of(), Set.of());
    }

    public boolean seesSchool(String schoolId) {
        return everything || schools.contains(schoolId);
    }

    public boolean seesCollectivity(String collectivityId) {
        return everything || collectivities.contains(collectivityId);
    }

    public boolean isEmpty() {
        return !everything && schools.isEmpty() && collectivities.isEmpty();
    }
}
