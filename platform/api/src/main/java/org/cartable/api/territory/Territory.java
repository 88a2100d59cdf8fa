package org.cartable.api.territory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.cartable.api.Caller;
import org.cartable.api.Role;
import org.osgi.annotation.versioning.ProviderType;

/** Read-only view of the collectivities and schools on the ENT, from the directory. */
@ProviderType
public interface Territory {

    /** @return every collectivity, by name */
    List<CollectivityInfo> collectivities();

    Optional<CollectivityInfo> collectivity(String collectivityId);

    /** @return every school on the ENT, by name */
    List<SchoolInfo> schools();

    Optional<SchoolInfo> school(String schoolId);

    /**
     * @return school id → number of pupils enrolled in one of its classes on that date (schools without pupils are
     *         absent)
     */
    Map<String, Integer> pupilsPerSchool(LocalDate censusDate);

    /** @return role → number of accounts holding it that signed in since that instant */
    Map<Role, Integer> activeAccounts(Instant since);

    /** @return app id → number of current-year classes that have it enabled */
    Map<String, Integer> classesPerEnabledApp();

    /** @return number of current-year classes on the ENT */
    int currentClassCount();

    /**
     * @return what the caller may see: everything for operators and platform admins, their collectivities' schools
     *         for collectivity admins, their schools for directors, nothing for others
     */
    TerritoryScope scopeOf(Caller caller);
}
