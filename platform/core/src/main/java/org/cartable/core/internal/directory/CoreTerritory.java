package org.cartable.core.internal.directory;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.cartable.api.Caller;
import org.cartable.api.Role;
import org.cartable.api.territory.CollectivityInfo;
import org.cartable.api.territory.SchoolInfo;
import org.cartable.api.territory.Territory;
import org.cartable.api.territory.TerritoryScope;
import org.cartable.core.internal.model.Collectivity;
import org.cartable.core.internal.model.School;
import org.cartable.core.internal.model.SchoolLevel;
import org.cartable.core.internal.schema.CoreSchema;
import org.cartable.core.service.ActivationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The territory read from the directory tables. Every figure is one aggregate query, so the operator's dashboards
 * cost the same for three schools or five hundred.
 */
@Component(service = Territory.class)
public final class CoreTerritory implements Territory {

    private final JpaTemplate jpa;
    private final ActivationAdmin activations;
    private final Clock clock;

    @Activate
    public CoreTerritory(@Reference CoreSchema schema,
                         @Reference(target = CoreSchema.UNIT_FILTER) JpaTemplate jpa,
                         @Reference ActivationAdmin activations) {
        this(jpa, activations, Clock.systemDefaultZone());
    }

    /** Builds the component outside OSGi (tests, tools) from already resolved collaborators. */
    public static CoreTerritory create(JpaTemplate jpa, ActivationAdmin activations, Clock clock) {
        return new CoreTerritory(jpa, activations, clock);
    }

    private CoreTerritory(JpaTemplate jpa, ActivationAdmin activations, Clock clock) {
        this.jpa = jpa;
        this.activations = activations;
        this.clock = clock;
    }

    @Override
    public List<CollectivityInfo> collectivities() {
        return jpa.txExpr(em -> em.createQuery("select c from Collectivity c order by c.name", Collectivity.class)
                .getResultList().stream().map(CoreTerritory::info).toList());
    }

    @Override
    public Optional<CollectivityInfo> collectivity(String collectivityId) {
        if (collectivityId == null) {
            return Optional.empty();
        }
        return jpa.txExpr(em -> Optional.ofNullable(em.find(Collectivity.class, collectivityId))
                .map(CoreTerritory::info));
    }

    @Override
    public List<SchoolInfo> schools() {
        return jpa.txExpr(em -> em.createQuery("select s from School s join fetch s.collectivity order by s.name",
                School.class).getResultList().stream().map(CoreTerritory::info).toList());
    }

    @Override
    public Optional<SchoolInfo> school(String schoolId) {
        if (schoolId == null) {
            return Optional.empty();
        }
        return jpa.txExpr(em -> Optional.ofNullable(em.find(School.class, schoolId)).map(CoreTerritory::info));
    }

    @Override
    public Map<String, Integer> pupilsPerSchool(LocalDate censusDate) {
        return jpa.txExpr(em -> {
            Map<String, Integer> counts = new LinkedHashMap<>();
            em.createQuery("select c.school.id, count(distinct e.pupil.id) from Enrolment e join e.schoolClass c"
                            + " where e.pupil.status = org.cartable.core.internal.model.PersonStatus.ACTIVE and "
                            + CoreDirectory.CURRENT_ENROLMENT + " group by c.school.id", Object[].class)
                    .setParameter("today", censusDate).getResultList()
                    .forEach(row -> counts.put((String) row[0], ((Number) row[1]).intValue()));
            return counts;
        });
    }

    @Override
    public Map<Role, Integer> activeAccounts(Instant since) {
        return jpa.txExpr(em -> {
            Map<Role, Integer> counts = new EnumMap<>(Role.class);
            em.createQuery("select r, count(distinct p.id) from Person p join p.roles r"
                            + " where p.lastSignInAt >= :since group by r", Object[].class)
                    .setParameter("since", since).getResultList()
                    .forEach(row -> counts.put((Role) row[0], ((Number) row[1]).intValue()));
            return counts;
        });
    }

    @Override
    public Map<String, Integer> classesPerEnabledApp() {
        return activations.classesPerEnabledApp();
    }

    @Override
    public int currentClassCount() {
        String year = SchoolYears.of(LocalDate.now(clock));
        return jpa.txExpr(em -> em.createQuery("select count(*) from SchoolClass c where c.schoolYear = :year",
                Long.class).setParameter("year", year).getSingleResult().intValue());
    }

    @Override
    public TerritoryScope scopeOf(Caller caller) {
        if (caller == null) {
            return TerritoryScope.none();
        }
        if (caller.has(Role.OPERATOR) || caller.has(Role.PLATFORM_ADMIN)) {
            return new TerritoryScope(true, Set.of(), Set.of());
        }
        return jpa.txExpr(em -> {
            Set<String> collectivities = new HashSet<>();
            Set<String> schools = new HashSet<>();
            if (caller.has(Role.COLLECTIVITY_ADMIN)) {
                collectivities.addAll(ids(em, "select a.collectivity.id from CollectivityAdmin a"
                        + " where a.person.id = :person", caller));
                schools.addAll(ids(em, "select s.id from School s, CollectivityAdmin a"
                        + " where s.collectivity = a.collectivity and a.person.id = :person", caller));
            }
            if (caller.has(Role.DIRECTOR)) {
                schools.addAll(ids(em, "select d.school.id from DirectorAssignment d where d.director.id = :person",
                        caller));
            }
            if (caller.has(Role.TEACHER)) {
                schools.addAll(ids(em, "select distinct c.school.id from TeacherAssignment t join t.schoolClass c"
                        + " where t.teacher.id = :person and c.schoolYear = :year", caller,
                        SchoolYears.of(LocalDate.now(clock))));
            }
            return new TerritoryScope(false, collectivities, schools);
        });
    }

    private static List<String> ids(EntityManager em, String query, Caller caller) {
        return em.createQuery(query, String.class).setParameter("person", caller.userId()).getResultList();
    }

    private static List<String> ids(EntityManager em, String query, Caller caller, String year) {
        return em.createQuery(query, String.class).setParameter("person", caller.userId())
                .setParameter("year", year).getResultList();
    }

    private static CollectivityInfo info(Collectivity c) {
        return new CollectivityInfo(c.getId(), c.getName(), c.getKind().name(), c.isMemberOfPurchasingBody(),
                c.getSiret());
    }

    private static SchoolInfo info(School s) {
        return new SchoolInfo(s.getId(), s.getUai(), s.getName(), s.getCollectivity().getId(),
                s.getLevel() == SchoolLevel.PRIMARY);
    }
}
