package org.cartable.deployment.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.cartable.api.Caller;
import org.cartable.api.CartableException;
import org.cartable.api.Role;
import org.cartable.api.persistence.SchemaMigrator;
import org.cartable.api.territory.CollectivityInfo;
import org.cartable.api.territory.SchoolInfo;
import org.cartable.api.territory.Territory;
import org.cartable.api.territory.TerritoryScope;
import org.cartable.deployment.internal.data.CoverageSnapshotEntity;
import org.cartable.deployment.internal.data.TerritoryTotalEntity;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The deployment dashboard's figures and rules. Operators and platform admins see and edit the whole territory;
 * a collectivity admin sees the coverage of their own collectivities (adoption figures are territory-wide, so they
 * stay with operators); nobody else gets anything.
 */
@Component(service = DeploymentService.class)
public final class DeploymentService {

    public static final String CHANGELOG = "db/deployment/changelog.xml";
    public static final int ACTIVE_DAYS = 30;
    static final int MAX_SCHOOLS = 100_000;
    static final int MAX_PUPILS = 10_000_000;
    static final int MAX_IMPORT_CHARS = 1_000_000;
    static final int HISTORY_DAYS = 400;

    private final JpaTemplate jpa;
    private final Territory territory;
    private final Clock clock;

    @Activate
    public DeploymentService(@Reference(name = "jpa", target = "(osgi.unit.name=cartable-deployment)") JpaTemplate jpa,
                             @Reference(name = "territory") Territory territory,
                             @Reference(name = "migrator") SchemaMigrator migrator,
                             BundleContext context) {
        this(jpa, territory, Clock.systemDefaultZone());
        migrator.migrate(context.getBundle(), CHANGELOG);
    }

    /** Builds the service outside OSGi (tests) on an already migrated schema. */
    public static DeploymentService create(JpaTemplate jpa, Territory territory, Clock clock) {
        return new DeploymentService(jpa, territory, clock);
    }

    private DeploymentService(JpaTemplate jpa, Territory territory, Clock clock) {
        this.jpa = jpa;
        this.territory = territory;
        this.clock = clock;
    }

    /** @return today's coverage of the collectivities the caller may see */
    public Coverage coverage(Caller caller) {
        TerritoryScope scope = readableScope(caller);
        LocalDate today = LocalDate.now(clock);
        Map<String, TerritoryTotalEntity> totals = totals();
        List<CoverageRow> rows = live(today).stream()
                .filter(row -> scope.seesCollectivity(row.collectivityId()))
                .map(row -> withTotals(row, totals.get(row.collectivityId())))
                .toList();
        return new Coverage(today, rows, sum(rows));
    }

    /** @return the visible territory's coverage on each recorded day, oldest first (about a year back) */
    public List<HistoryPoint> history(Caller caller) {
        TerritoryScope scope = readableScope(caller);
        LocalDate from = LocalDate.now(clock).minusDays(HISTORY_DAYS);
        List<CoverageSnapshotEntity> snapshots = jpa.txExpr(em -> em.createQuery(
                        "select s from CoverageSnapshotEntity s where s.day >= :from order by s.day",
                        CoverageSnapshotEntity.class).setParameter("from", from).getResultList());
        Map<LocalDate, List<CoverageSnapshotEntity>> byDay = snapshots.stream()
                .filter(s -> scope.seesCollectivity(s.getCollectivityId()))
                .collect(Collectors.groupingBy(CoverageSnapshotEntity::getDay, TreeMap::new, Collectors.toList()));
        List<HistoryPoint> points = new ArrayList<>();
        byDay.forEach((day, rows) -> points.add(HistoryPoint.of(day,
                rows.stream().mapToInt(CoverageSnapshotEntity::getSchoolsOnEnt).sum(),
                sumIfAllKnown(rows, CoverageSnapshotEntity::getSchoolsTotal),
                rows.stream().mapToInt(CoverageSnapshotEntity::getPupilsOnEnt).sum(),
                sumIfAllKnown(rows, CoverageSnapshotEntity::getPupilsTotal))));
        return points;
    }

    /** @return usage over the last {@value #ACTIVE_DAYS} days; operators and platform admins only */
    public Adoption adoption(Caller caller) {
        requireOperator(caller);
        return new Adoption(ACTIVE_DAYS, territory.activeAccounts(clock.instant().minus(Duration.ofDays(ACTIVE_DAYS))),
                territory.currentClassCount(), territory.classesPerEnabledApp());
    }

    /** Records the reference totals of one collectivity; operators and platform admins only. */
    public void setTotals(Caller caller, String collectivityId, Integer schools, Integer pupils) {
        requireOperator(caller);
        CollectivityInfo collectivity = territory.collectivity(collectivityId)
                .orElseThrow(() -> CartableException.notFound("Collectivity not found."));
        validate(schools, pupils).ifPresent(reason -> {
            throw CartableException.badRequest(reason);
        });
        jpa.tx(em -> store(em, collectivity.id(), schools, pupils, caller));
    }

    /**
     * Imports reference totals from CSV lines {@code collectivity;schools;pupils} (a header line is allowed; the
     * collectivity is given by SIRET or by name; {@code ;} or {@code ,} separated). Good lines are applied together,
     * bad lines are reported and change nothing.
     */
    public TotalsImport importTotals(Caller caller, String csv) {
        requireOperator(caller);
        if (csv == null || csv.isBlank()) {
            throw CartableException.badRequest("The file is empty: send lines 'collectivity;schools;pupils'.");
        }
        if (csv.length() > MAX_IMPORT_CHARS) {
            throw CartableException.badRequest("The file is too large (at most " + MAX_IMPORT_CHARS + " characters).");
        }
        Map<String, CollectivityInfo> byKey = new HashMap<>();
        for (CollectivityInfo c : territory.collectivities()) {
            byKey.put(key(c.name()), c);
            if (c.siret() != null) {
                byKey.put(c.siret(), c);
            }
        }
        List<TotalsImport.Rejected> rejected = new ArrayList<>();
        Map<String, int[]> accepted = new HashMap<>();
        try (BufferedReader lines = new BufferedReader(new StringReader(csv.replace("\uFEFF", "")))) {
            String line;
            int number = 0;
            while ((line = lines.readLine()) != null) {
                number++;
                if (line.isBlank() || (number == 1 && !line.matches(".*[;,]\\s*\\d+\\s*[;,]\\s*\\d+\\s*"))) {
                    continue; // blank line, or the header
                }
                String[] cells = line.split("[;,]", -1);
                if (cells.length != 3) {
                    rejected.add(new TotalsImport.Rejected(number, "Expected 3 columns (collectivity;schools;pupils), found " + cells.length + "."));
                    continue;
                }
                String name = cells[0].strip().replaceAll("^\"|\"$", "");
                CollectivityInfo collectivity = byKey.get(name.replace(" ", "").matches("\\d{14}") ? name.replace(" ", "") : key(name));
                if (collectivity == null) {
                    rejected.add(new TotalsImport.Rejected(number, "Unknown collectivity '" + name + "'."));
                    continue;
                }
                Integer schools = parse(cells[1]);
                Integer pupils = parse(cells[2]);
                Optional<String> invalid = validate(schools, pupils);
                if (invalid.isPresent()) {
                    rejected.add(new TotalsImport.Rejected(number, invalid.get()));
                    continue;
                }
                accepted.put(collectivity.id(), new int[] {schools, pupils});
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen on a string
        }
        if (!accepted.isEmpty()) {
            jpa.tx(em -> accepted.forEach((id, figures) -> store(em, id, figures[0], figures[1], caller)));
        }
        return new TotalsImport(accepted.size(), List.copyOf(rejected));
    }

    /**
     * Records (or refreshes) the day's coverage for every collectivity, so the charts can show it later. Past days
     * are never rewritten.
     */
    public void recordSnapshot() {
        LocalDate today = LocalDate.now(clock);
        List<CoverageRow> rows = live(today);
        Map<String, TerritoryTotalEntity> totals = totals();
        jpa.tx(em -> {
            em.createQuery("delete from CoverageSnapshotEntity s where s.day = :day").setParameter("day", today)
                    .executeUpdate();
            for (CoverageRow row : rows) {
                TerritoryTotalEntity total = totals.get(row.collectivityId());
                em.persist(new CoverageSnapshotEntity(today, row.collectivityId(), row.schoolsOnEnt(),
                        row.pupilsOnEnt(), total == null ? null : total.getSchools(),
                        total == null ? null : total.getPupils()));
            }
        });
    }

    /** Seeds a past day's snapshot (demo content: a deployment that grew over the months). */
    void recordPastSnapshot(LocalDate day, String collectivityId, int schools, int pupils, Integer schoolsTotal,
                            Integer pupilsTotal) {
        jpa.tx(em -> em.persist(new CoverageSnapshotEntity(day, collectivityId, schools, pupils, schoolsTotal,
                pupilsTotal)));
    }

    private List<CoverageRow> live(LocalDate day) {
        Map<String, Integer> pupilsPerSchool = territory.pupilsPerSchool(day);
        Map<String, List<SchoolInfo>> schools = territory.schools().stream()
                .collect(Collectors.groupingBy(SchoolInfo::collectivityId));
        return territory.collectivities().stream().map(c -> {
            List<SchoolInfo> own = schools.getOrDefault(c.id(), List.of());
            int pupils = own.stream().mapToInt(s -> pupilsPerSchool.getOrDefault(s.id(), 0)).sum();
            return CoverageRow.of(c.id(), c.name(), own.size(), null, pupils, null);
        }).toList();
    }

    private Map<String, TerritoryTotalEntity> totals() {
        return jpa.txExpr(em -> em.createQuery("select t from TerritoryTotalEntity t", TerritoryTotalEntity.class)
                .getResultList().stream()
                .collect(Collectors.toMap(TerritoryTotalEntity::getCollectivityId, Function.identity())));
    }

    private static CoverageRow withTotals(CoverageRow row, TerritoryTotalEntity total) {
        return total == null ? row : CoverageRow.of(row.collectivityId(), row.name(), row.schoolsOnEnt(),
                total.getSchools(), row.pupilsOnEnt(), total.getPupils());
    }

    private static CoverageRow sum(List<CoverageRow> rows) {
        boolean allKnown = !rows.isEmpty() && rows.stream().allMatch(r -> r.schoolsTotal() != null);
        return CoverageRow.of(null, null,
                rows.stream().mapToInt(CoverageRow::schoolsOnEnt).sum(),
                allKnown ? rows.stream().mapToInt(CoverageRow::schoolsTotal).sum() : null,
                rows.stream().mapToInt(CoverageRow::pupilsOnEnt).sum(),
                allKnown ? rows.stream().mapToInt(CoverageRow::pupilsTotal).sum() : null);
    }

    private static Integer sumIfAllKnown(List<CoverageSnapshotEntity> rows,
                                         Function<CoverageSnapshotEntity, Integer> value) {
        return rows.stream().allMatch(r -> value.apply(r) != null)
                ? rows.stream().mapToInt(value::apply).sum() : null;
    }

    private void store(EntityManager em, String collectivityId, int schools, int pupils, Caller caller) {
        TerritoryTotalEntity total = em.find(TerritoryTotalEntity.class, collectivityId);
        if (total == null) {
            total = new TerritoryTotalEntity(collectivityId);
            total.update(schools, pupils, caller.userId(), clock.instant());
            em.persist(total);
        } else {
            total.update(schools, pupils, caller.userId(), clock.instant());
        }
    }

    private static Optional<String> validate(Integer schools, Integer pupils) {
        if (schools == null || pupils == null) {
            return Optional.of("Give the number of schools and of pupils, as whole numbers.");
        }
        if (schools < 0 || schools > MAX_SCHOOLS) {
            return Optional.of("The number of schools must be between 0 and " + MAX_SCHOOLS + ".");
        }
        if (pupils < 0 || pupils > MAX_PUPILS) {
            return Optional.of("The number of pupils must be between 0 and " + MAX_PUPILS + ".");
        }
        return Optional.empty();
    }

    private static Integer parse(String cell) {
        String digits = cell.strip().replaceAll("^\"|\"$", "").replace(" ", "").replace("\u00A0", "");
        if (!digits.matches("\\d{1,9}")) {
            return null;
        }
        return Integer.valueOf(digits);
    }

    private static String key(String name) {
        return Normalizer.normalize(name.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }

    private TerritoryScope readableScope(Caller caller) {
        TerritoryScope scope = territory.scopeOf(caller);
        if (!scope.everything() && scope.collectivities().isEmpty()) {
            throw CartableException.forbidden("The deployment dashboard is for operators and collectivity admins.");
        }
        return scope;
    }

    private static void requireOperator(Caller caller) {
        if (caller == null || !(caller.has(Role.OPERATOR) || caller.has(Role.PLATFORM_ADMIN))) {
            throw CartableException.forbidden("Only the operator's staff may do this.");
        }
    }
}
