package org.cartable.billing.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.cartable.api.Caller;
import org.cartable.api.Role;
import org.cartable.api.territory.CollectivityInfo;
import org.cartable.api.territory.SchoolInfo;
import org.cartable.api.territory.Territory;
import org.cartable.api.territory.TerritoryScope;

/** The demo's territory in miniature: a member commune with a SIRET, a non-member without, a member EPCI. */
final class FakeTerritory implements Territory {

    static final String MONTREUIL = "col-montreuil";
    static final String SAINT_PIERRE = "col-saint-pierre";
    static final String VAL = "col-val";

    static final Caller OPERATOR = caller("operator", Role.OPERATOR);
    static final Caller ADMIN = caller("admin", Role.PLATFORM_ADMIN);
    static final Caller COLADMIN = caller("coladmin", Role.COLLECTIVITY_ADMIN);
    static final Caller DIRECTOR = caller("director", Role.DIRECTOR);

    private final Map<String, Integer> pupils = new HashMap<>(Map.of(
            "school-jf", 40, "school-mc", 25, "school-college", 0));
    /** Census dates asked for, to check the price list's date is used. */
    LocalDate lastCensusDate;

    private final int extraCommunes;

    FakeTerritory() {
        this(0);
    }

    /** With {@code extraCommunes} more member communes of 10 pupils each, for tests that need many invoices. */
    FakeTerritory(int extraCommunes) {
        this.extraCommunes = extraCommunes;
        for (int i = 0; i < extraCommunes; i++) {
            pupils.put("school-x" + i, 10);
        }
    }

    static Caller caller(String login, Role role) {
        return new Caller("id-" + login, login, "Demo " + login, Set.of(role));
    }

    void pupils(String schoolId, int count) {
        pupils.put(schoolId, count);
    }

    @Override
    public List<CollectivityInfo> collectivities() {
        List<CollectivityInfo> all = new java.util.ArrayList<>(List.of(
                new CollectivityInfo(VAL, "Communauté de communes du Val", "EPCI", true, "24450099900015"),
                new CollectivityInfo(MONTREUIL, "Montreuil-sur-Loire", "COMMUNE", true, "21450123400017"),
                new CollectivityInfo(SAINT_PIERRE, "Saint-Pierre-des-Bois", "COMMUNE", false, null)));
        for (int i = 0; i < extraCommunes; i++) {
            all.add(new CollectivityInfo("col-x" + i, "Commune X" + i, "COMMUNE", true,
                    String.format("214500%08d", i)));
        }
        return all;
    }

    @Override
    public Optional<CollectivityInfo> collectivity(String collectivityId) {
        return collectivities().stream().filter(c -> c.id().equals(collectivityId)).findFirst();
    }

    @Override
    public List<SchoolInfo> schools() {
        List<SchoolInfo> all = new java.util.ArrayList<>(List.of(
                new SchoolInfo("school-college", "0450001X", "Collège du Val", VAL, false),
                new SchoolInfo("school-jf", "0451234A", "École Jules Ferry", MONTREUIL, true),
                new SchoolInfo("school-mc", "0455678B", "École Marie Curie", SAINT_PIERRE, true)));
        for (int i = 0; i < extraCommunes; i++) {
            all.add(new SchoolInfo("school-x" + i, "046" + i + "X", "École X" + i, "col-x" + i, true));
        }
        return all;
    }

    @Override
    public Optional<SchoolInfo> school(String schoolId) {
        return schools().stream().filter(s -> s.id().equals(schoolId)).findFirst();
    }

    @Override
    public Map<String, Integer> pupilsPerSchool(LocalDate censusDate) {
        lastCensusDate = censusDate;
        Map<String, Integer> present = new HashMap<>();
        pupils.forEach((school, count) -> {
            if (count > 0) {
                present.put(school, count);
            }
        });
        return present;
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
        return 0;
    }

    @Override
    public TerritoryScope scopeOf(Caller caller) {
        if (caller.has(Role.OPERATOR) || caller.has(Role.PLATFORM_ADMIN)) {
            return new TerritoryScope(true, Set.of(), Set.of());
        }
        if (caller.has(Role.COLLECTIVITY_ADMIN)) {
            return new TerritoryScope(false, Set.of(MONTREUIL), Set.of("school-jf"));
        }
        if (caller.has(Role.DIRECTOR)) {
            return new TerritoryScope(false, Set.of(), Set.of("school-jf"));
        }
        return TerritoryScope.none();
    }
}
