package org.cartable.core.internal.apps;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;

import javax.persistence.EntityManager;
import javax.persistence.PersistenceException;

import org.apache.aries.jpa.template.JpaTemplate;
import org.cartable.api.AppActivation;
import org.cartable.api.AppScope;
import org.cartable.api.Caller;
import org.cartable.api.CartableException;
import org.cartable.api.audit.AuditEvent;
import org.cartable.api.audit.AuditLog;
import org.cartable.api.audit.AuditTypes;
import org.cartable.api.ClassAccess;
import org.cartable.api.ClassRelation;
import org.cartable.api.Directory;
import org.cartable.api.Role;
import org.cartable.core.internal.cache.ShortLivedCache;
import org.cartable.core.internal.directory.SchoolYears;
import org.cartable.core.internal.model.Changes;
import org.cartable.core.internal.model.ClassAppActivation;
import org.cartable.core.internal.schema.CoreSchema;
import org.cartable.core.service.ActivationAdmin;
import org.cartable.core.service.AppCatalog;
import org.cartable.core.service.InstalledApp;
import org.cartable.core.service.RequestScope;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Per-class app activation. A stored row is the class staff's decision; without one the configured defaults apply,
 * so a new class starts with the site's default apps and a later change of defaults does not override a choice.
 */
@Component(service = {AppActivation.class, ActivationAdmin.class, ClassAccess.class},
        configurationPid = ActivationConfig.PID)
@Designate(ocd = ActivationConfig.class)
public final class ClassAppActivations implements AppActivation, ActivationAdmin, ClassAccess {

    static final String CLASS_NOT_FOUND = "Class not found.";
    static final String APP_NOT_FOUND = "App not found.";
    /** How long a class's decisions serve across requests; any stored decision ends them at once. */
    static final Duration DECISIONS_TTL = Duration.ofSeconds(5);

    private final JpaTemplate jpa;
    private final Directory directory;
    private final AppCatalog catalog;
    private volatile Set<String> defaultApps;
    private final Clock clock;
    private final AuditLog audit;
    private final ShortLivedCache<String, Decisions> decisions;

    @Activate
    public ClassAppActivations(@Reference CoreSchema schema,
                               @Reference(target = CoreSchema.UNIT_FILTER) JpaTemplate jpa,
                               @Reference Directory directory,
                               @Reference AppCatalog catalog,
                               @Reference AuditLog audit,
                               ActivationConfig config) {
        this(jpa, directory, catalog, parseIds(config.defaultApps()), Clock.systemUTC(), audit);
    }

    /** Builds the component outside OSGi (tests, tools) from already resolved collaborators. */
    public static ClassAppActivations create(JpaTemplate jpa, Directory directory, AppCatalog catalog, Set<String> defaultApps,
                               Clock clock) {
        return create(jpa, directory, catalog, defaultApps, clock, event -> { });
    }

    /** Builds the component outside OSGi (tests, tools), recording activation changes in the given audit log. */
    public static ClassAppActivations create(JpaTemplate jpa, Directory directory, AppCatalog catalog,
                                             Set<String> defaultApps, Clock clock, AuditLog audit) {
        return new ClassAppActivations(jpa, directory, catalog, defaultApps, clock, audit);
    }

    private ClassAppActivations(JpaTemplate jpa, Directory directory, AppCatalog catalog, Set<String> defaultApps,
                               Clock clock, AuditLog audit) {
        this.audit = audit;
        this.jpa = jpa;
        this.directory = directory;
        this.catalog = catalog;
        this.defaultApps = Set.copyOf(defaultApps);
        this.clock = clock;
        this.decisions = new ShortLivedCache<>(DECISIONS_TTL, Changes.DIRECTORY::current, clock);
    }

    /**
     * A change of the defaults is taken live: without this, DS would deactivate the component and every service
     * that needs it (the REST resources among them) would go away and come back, a window of 404s for everyone.
     */
    @Modified
    void modified(ActivationConfig config) {
        this.defaultApps = Set.copyOf(parseIds(config.defaultApps()));
    }

    static Set<String> parseIds(String commaSeparated) {
        Set<String> ids = new LinkedHashSet<>();
        if (commaSeparated != null) {
            Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(ids::add);
        }
        return ids;
    }

    @Override
    public boolean isEnabled(String classId, String appId) {
        if (classId == null || appId == null) {
            return false;
        }
        Decisions decisions = decisions(classId);
        return decisions != Decisions.NO_CLASS
                && decisions.byApp().getOrDefault(appId, defaultApps.contains(appId));
    }

    @Override
    public Set<String> enabledApps(String classId) {
        if (classId == null) {
            return Set.of();
        }
        Decisions decisions = decisions(classId);
        if (decisions == Decisions.NO_CLASS) {
            return Set.of();
        }
        Set<String> enabled = new LinkedHashSet<>();
        defaultApps.stream().filter(id -> !decisions.byApp().containsKey(id)).forEach(enabled::add);
        decisions.byApp().forEach((id, on) -> {
            if (on) {
                enabled.add(id);
            }
        });
        return Set.copyOf(enabled);
    }

    /** The staff's stored choices for one class, by app id; the defaults fill in the rest when they are read. */
    private record Decisions(Map<String, Boolean> byApp) {
        static final Decisions NO_CLASS = new Decisions(Map.of());
    }

    /** Every request of a class app asks this: read once per request, and kept a few seconds across requests. */
    private Decisions decisions(String classId) {
        return RequestScope.memo(new DecisionsKey(classId), () -> decisions.get(classId, () -> jpa.txExpr(em -> {
            if (!classExists(em, classId)) {
                return Decisions.NO_CLASS;
            }
            Map<String, Boolean> byApp = new HashMap<>();
            em.createQuery("select a from ClassAppActivation a where a.classId = :class", ClassAppActivation.class)
                    .setParameter("class", classId).getResultList()
                    .forEach(a -> byApp.put(a.getAppId(), a.isEnabled()));
            return new Decisions(Map.copyOf(byApp));
        })));
    }

    private record DecisionsKey(String classId) {
    }

    /** By its key only: loading the entity would load its school and grades too. */
    private static boolean classExists(EntityManager em, String classId) {
        return !em.createQuery("select c.id from SchoolClass c where c.id = :class", String.class)
                .setParameter("class", classId).getResultList().isEmpty();
    }

    @Override
    public Map<String, Integer> classesPerEnabledApp() {
        String year = SchoolYears.of(LocalDate.now(clock));
        return jpa.txExpr(em -> {
            List<String> classIds = em.createQuery("select c.id from SchoolClass c where c.schoolYear = :year",
                    String.class).setParameter("year", year).getResultList();
            Map<String, Map<String, Boolean>> decisions = new HashMap<>();
            em.createQuery("select a from ClassAppActivation a, SchoolClass c where c.id = a.classId"
                            + " and c.schoolYear = :year", ClassAppActivation.class)
                    .setParameter("year", year).getResultList()
                    .forEach(a -> decisions.computeIfAbsent(a.getAppId(), k -> new HashMap<>())
                            .put(a.getClassId(), a.isEnabled()));
            Map<String, Integer> counts = new TreeMap<>();
            Set<String> apps = new LinkedHashSet<>(defaultApps);
            apps.addAll(decisions.keySet());
            for (String app : apps) {
                Map<String, Boolean> byClass = decisions.getOrDefault(app, Map.of());
                boolean byDefault = defaultApps.contains(app);
                int enabled = (int) classIds.stream()
                        .filter(id -> byClass.getOrDefault(id, byDefault)).count();
                if (enabled > 0) {
                    counts.put(app, enabled);
                }
            }
            return counts;
        });
    }

    @Override
    public void enable(Caller caller, String classId, String appId) {
        change(caller, classId, appId, true);
    }

    @Override
    public void disable(Caller caller, String classId, String appId) {
        change(caller, classId, appId, false);
    }

    private void change(Caller caller, String classId, String appId, boolean enabled) {
        ClassRelation relation = memberRelation(caller, classId);
        InstalledApp app = catalog.find(appId)
                .orElseThrow(() -> CartableException.notFound("App '" + appId + "' is not installed."));
        if (!relation.isStaff()) {
            throw CartableException.forbidden(
                    "Only the class's teachers and the school's director can change its apps.");
        }
        if (app.app().scope() != AppScope.CLASS) {
            throw CartableException.badRequest("The app '" + appId + "' is not a class app.");
        }
        RequestScope.forget();
        try {
            store(caller, classId, appId, enabled);
        } catch (PersistenceException raced) {
            // Two staff members deciding at once: the other insert won the unique key; update its row instead.
            store(caller, classId, appId, enabled);
        } finally {
            // After the commit (the entity's listener counted the write before it): a decision read in between is
            // not kept.
            Changes.DIRECTORY.changed();
            RequestScope.forget();
        }
    }

    private void store(Caller caller, String classId, String appId, boolean enabled) {
        jpa.tx(em -> {
            List<ClassAppActivation> rows = em.createQuery("select a from ClassAppActivation a"
                            + " where a.classId = :class and a.appId = :app", ClassAppActivation.class)
                    .setParameter("class", classId).setParameter("app", appId).getResultList();
            if (rows.isEmpty()) {
                em.persist(new ClassAppActivation(classId, appId, enabled, caller.userId(), clock.instant()));
                // Surfaces a lost race as a PersistenceException here rather than as a failed JTA commit.
                em.flush();
            } else {
                rows.get(0).change(enabled, caller.userId(), clock.instant());
            }
            // Same transaction: a lost race rolls its entry back with its row, and the retry records it once.
            audit.record(AuditEvent.by(caller, AuditTypes.ACTIVATION_CHANGE).on(classId + "/" + appId)
                    .detail(enabled ? "enabled" : "disabled"));
        });
    }

    @Override
    public List<InstalledApp> enabledApps(Caller caller, String classId) {
        Set<Role> roles = relationRoles(memberRelation(caller, classId));
        Set<String> enabled = enabledApps(classId);
        // Only the tiles the caller could open: check() refuses apps whose roles the caller does not hold here.
        return catalog.installed().stream()
                .filter(app -> app.app().scope() == AppScope.CLASS && enabled.contains(app.id()))
                .filter(app -> usableWith(app, roles))
                .toList();
    }

    @Override
    public ClassRelation check(Caller caller, String classId, String appId) {
        ClassRelation relation = memberRelation(caller, classId);
        InstalledApp app = catalog.find(appId).orElseThrow(() -> CartableException.notFound(APP_NOT_FOUND));
        // The app's declared roles are part of its contract: a parent must not reach a teachers-only app's
        // services just because it is enabled in the class.
        if (!usableWith(app, relationRoles(relation))) {
            throw CartableException.forbidden("The app '" + appId + "' is not available to you in this class.");
        }
        if (!isEnabled(classId, appId)) {
            throw CartableException.forbidden("The app '" + appId + "' is not enabled for this class.");
        }
        return relation;
    }

    /** The roles the caller holds in this class, from their relation to it rather than from their account. */
    static Set<Role> relationRoles(ClassRelation relation) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (relation.teacher()) {
            roles.add(Role.TEACHER);
        }
        if (relation.director()) {
            roles.add(Role.DIRECTOR);
        }
        if (relation.pupil()) {
            roles.add(Role.PUPIL);
        }
        if (relation.isParent()) {
            roles.add(Role.PARENT);
        }
        return roles;
    }

    private static boolean usableWith(InstalledApp app, Set<Role> roles) {
        Set<Role> declared = app.app().roles();
        return declared != null && roles.stream().anyMatch(declared::contains);
    }

    /** Unknown classes and outsiders get the same answer, so that class ids cannot be probed. */
    private ClassRelation memberRelation(Caller caller, String classId) {
        if (caller == null) {
            throw CartableException.unauthorized("Sign in first.");
        }
        ClassRelation relation = directory.relation(caller, classId);
        if (!relation.isMember()) {
            throw CartableException.notFound(CLASS_NOT_FOUND);
        }
        return relation;
    }
}
