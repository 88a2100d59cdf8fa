package org.cartable.fleet.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.cartable.api.Caller;
import org.cartable.api.CartableException;
import org.cartable.api.ChildInfo;
import org.cartable.api.ClassInfo;
import org.cartable.api.ClassRelation;
import org.cartable.api.Directory;
import org.cartable.api.PersonSummary;
import org.cartable.api.Role;
import org.cartable.api.ToolAccess;
import org.cartable.api.territory.CollectivityInfo;
import org.cartable.api.territory.SchoolInfo;
import org.cartable.api.territory.Territory;
import org.cartable.api.territory.TerritoryScope;

/**
 * The demo's territory in small: Montreuil (schools A and A2), Saint-Pierre (school B). Scopes as the platform
 * computes them: everything for operators and admins, their collectivity's schools for collectivity admins, their
 * school for directors, nothing for teachers (the fleet adds their classes' schools).
 */
public final class FakeTerritory implements Territory, Directory, ToolAccess {

    public static final String MONTREUIL = "col-montreuil";
    public static final String SAINT_PIERRE = "col-saint-pierre";
    public static final String SCHOOL_A = "school-a";
    public static final String SCHOOL_A2 = "school-a2";
    public static final String SCHOOL_B = "school-b";
    public static final String CLASS_A1 = "class-a1";
    public static final String CLASS_B1 = "class-b1";

    private final Map<String, PersonSummary> people = new HashMap<>();
    private final Map<String, Set<String>> directorOf = new HashMap<>();
    private final Map<String, Set<String>> adminOf = new HashMap<>();
    private final Map<String, List<ClassInfo>> classesOf = new HashMap<>();
    private final List<SchoolInfo> schools = List.of(
            new SchoolInfo(SCHOOL_A, "0451234A", "École Jules Ferry", MONTREUIL, true),
            new SchoolInfo(SCHOOL_A2, "0451235B", "École Paul Bert", MONTREUIL, true),
            new SchoolInfo(SCHOOL_B, "0455678B", "École Marie Curie", SAINT_PIERRE, true));
    private final Map<String, ClassInfo> classes = Map.of(
            CLASS_A1, new ClassInfo(CLASS_A1, "CM1 A", SCHOOL_A, "École Jules Ferry", "2026-2027", List.of()),
            CLASS_B1, new ClassInfo(CLASS_B1, "CP B", SCHOOL_B, "École Marie Curie", "2026-2027", List.of()));

    public final Caller operator = person("operator", "Olivier Opérateur", Role.OPERATOR);
    public final Caller admin = person("admin", "Alice Admin", Role.PLATFORM_ADMIN);
    public final Caller coladmin = person("coladmin", "Hélène Rousseau", Role.COLLECTIVITY_ADMIN);
    public final Caller director = person("director", "Denis Directeur", Role.DIRECTOR);
    public final Caller directorB = person("directorb", "Bernard Directeur", Role.DIRECTOR);
    public final Caller teacher = person("teacher", "Marie Martin", Role.TEACHER);
    public final Caller teacher2 = person("teacher2", "Paul Petit", Role.TEACHER);
    public final Caller pupil = person("pupil", "Léa Petit", Role.PUPIL);

    public FakeTerritory() {
        adminOf.put("coladmin", Set.of(MONTREUIL));
        directorOf.put("director", Set.of(SCHOOL_A));
        directorOf.put("directorb", Set.of(SCHOOL_B));
        teaches(teacher, CLASS_A1);
        teaches(teacher2, CLASS_B1);
    }

    /** Makes the person a teacher of the class. */
    public void teaches(Caller teacher, String classId) {
        classesOf.computeIfAbsent(teacher.userId(), k -> new ArrayList<>()).add(classes.get(classId));
    }

    public Caller person(String id, String name, Role role) {
        people.put(id, new PersonSummary(id, name));
        return new Caller(id, id, name, Set.of(role));
    }

    // ToolAccess
    @Override
    public void check(Caller caller, String appId) {
        if (!FleetApp.ID.equals(appId)) {
            throw CartableException.notFound("Nothing here.");
        }
        if (caller.roles().stream().noneMatch(new FleetApp().roles()::contains)) {
            throw CartableException.forbidden("Not for you.");
        }
    }

    // Territory
    @Override
    public List<CollectivityInfo> collectivities() {
        return List.of(new CollectivityInfo(MONTREUIL, "Montreuil-sur-Loire", "COMMUNE", true, null),
                new CollectivityInfo(SAINT_PIERRE, "Saint-Pierre-des-Bois", "COMMUNE", false, null));
    }

    @Override
    public Optional<CollectivityInfo> collectivity(String collectivityId) {
        return collectivities().stream().filter(c -> c.id().equals(collectivityId)).findFirst();
    }

    @Override
    public List<SchoolInfo> schools() {
        return schools;
    }

    @Override
    public Optional<SchoolInfo> school(String schoolId) {
        return schools.stream().filter(s -> s.id().equals(schoolId)).findFirst();
    }

    @Override
    public Map<String, Integer> pupilsPerSchool(LocalDate censusDate) {
        return Map.of();
    }

    @Override
    public Map<Role, Integer> activeAccounts(Instant since) {
        return Map.of();
    }

    @Override
    public Map<String, Integer> classesPerEnabledApp() {
        return Map.of();
    }

    @Override
    public int currentClassCount() {
        return classes.size();
    }

    @Override
    public TerritoryScope scopeOf(Caller caller) {
        if (caller.has(Role.OPERATOR) || caller.has(Role.PLATFORM_ADMIN)) {
            return new TerritoryScope(true, Set.of(), Set.of());
        }
        Set<String> collectivities = adminOf.getOrDefault(caller.userId(), Set.of());
        Set<String> seen = new HashSet<>(directorOf.getOrDefault(caller.userId(), Set.of()));
        schools.stream().filter(s -> collectivities.contains(s.collectivityId())).forEach(s -> seen.add(s.id()));
        return new TerritoryScope(false, collectivities, seen);
    }

    // Directory
    @Override
    public Optional<ClassInfo> findClass(String classId) {
        return Optional.ofNullable(classes.get(classId));
    }

    @Override
    public Optional<PersonSummary> person(String personId) {
        return Optional.ofNullable(people.get(personId));
    }

    @Override
    public ClassRelation relation(Caller caller, String classId) {
        return ClassRelation.none(classId);
    }

    @Override
    public List<PersonSummary> pupils(String classId) {
        return List.of();
    }

    @Override
    public List<PersonSummary> teachers(String classId) {
        return List.of();
    }

    @Override
    public List<PersonSummary> parentsOf(String pupilId) {
        return List.of();
    }

    @Override
    public List<ChildInfo> childrenOf(String parentId) {
        return List.of();
    }

    @Override
    public List<ClassInfo> classesOf(Caller caller) {
        return new ArrayList<>(classesOf.getOrDefault(caller.userId(), List.of()));
    }

    /**
     * A clock the test moves; starts Monday 2026-11-30 09:00 in Paris. Each reading ticks a millisecond, so that
     * histories written in one test step keep their order.
     */
    public static final class MovableClock extends Clock {
        private Instant now = LocalDate.of(2026, 11, 30).atTime(9, 0).atZone(ZoneId.of("Europe/Paris")).toInstant();

        public synchronized void set(LocalDate day) {
            now = day.atTime(10, 0).atZone(ZoneId.of("Europe/Paris")).toInstant();
        }

        public void plusMinutes(long minutes) {
            now = now.plusSeconds(minutes * 60);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            MovableClock self = this;
            return new Clock() {
                @Override
                public ZoneId getZone() {
                    return zone;
                }

                @Override
                public Clock withZone(ZoneId other) {
                    return self.withZone(other);
                }

                @Override
                public Instant instant() {
                    return self.instant();
                }
            };
        }

        @Override
        public synchronized Instant instant() {
            now = now.plusMillis(1);
            return now;
        }
    }
}
