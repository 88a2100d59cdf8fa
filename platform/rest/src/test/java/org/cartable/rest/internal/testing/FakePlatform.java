package org.cartable.rest.internal.testing;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.cartable.api.AppScope;
import org.cartable.api.Caller;
import org.cartable.api.CartableApp;
import org.cartable.api.ToolAccess;
import org.cartable.api.CartableException;
import org.cartable.api.ChildInfo;
import org.cartable.api.ClassAccess;
import org.cartable.api.ClassInfo;
import org.cartable.api.ClassRelation;
import org.cartable.api.Directory;
import org.cartable.api.Grade;
import org.cartable.api.PersonSummary;
import org.cartable.api.Role;
import org.cartable.core.service.Accounts;
import org.cartable.core.service.PasswordChangeRequired;
import org.cartable.core.service.IssuedToken;
import org.cartable.core.service.ActivationAdmin;
import org.cartable.core.service.AppCatalog;
import org.cartable.core.service.AppStatus;
import org.cartable.core.service.InstalledApp;

/**
 * A tiny school in memory: one class {@code c1} taught by {@code teacher}, attended by {@code pupil}, whose parent
 * is {@code parent}; an {@code outsider} teacher; an {@code operator}. Blog enabled in {@code c1}, not in {@code c2}.
 */
public final class FakePlatform {

    public static final String PASSWORD = "secret-pass";

    public final Caller teacher = caller("teacher", Role.TEACHER);
    public final Caller pupil = caller("pupil", Role.PUPIL);
    public final Caller parent = caller("parent", Role.PARENT);
    public final Caller outsider = caller("outsider", Role.TEACHER);
    public final Caller operator = caller("operator", Role.OPERATOR);

    public final ClassInfo c1 = new ClassInfo("c1", "CM1 A", "s1", "École Jules Ferry", "2026-2027",
            List.of(Grade.CM1));
    public final ClassInfo c2 = new ClassInfo("c2", "CP B", "s1", "École Jules Ferry", "2026-2027", List.of(Grade.CP));

    public final InstalledApp blog = new InstalledApp(new SimpleApp("blog", "Blog de la classe", "Class blog",
            AppScope.CLASS), "1.2.0");
    public final InstalledApp news = new InstalledApp(new SimpleApp("news", "Actualités", "News",
            AppScope.SCHOOL), "0.3.0");

    /** An imported account whose first-login code only lets them choose a password. */
    public static final Caller NEWCOMER = caller("newcomer", Role.PARENT);
    public static final String FIRST_LOGIN_CODE = "abcdefghjkmn";

    /** Last client address given to authenticate. */
    public volatile String lastClientAddress;
    public final List<String> activationCalls = new CopyOnWriteArrayList<>();
    public final List<String> featureCalls = new CopyOnWriteArrayList<>();

    private final Map<String, Caller> byLogin = new LinkedHashMap<>();
    private final Map<String, Caller> tokens = new ConcurrentHashMap<>();
    private final Map<String, Boolean> installedFeatures = new ConcurrentHashMap<>(Map.of(
            "cartable-platform", true, "cartable-blog", true, "cartable-agenda", false, "cartable-all", false,
            "webconsole", false));

    public FakePlatform() {
        for (Caller caller : List.of(teacher, pupil, parent, outsider, operator)) {
            byLogin.put(caller.login(), caller);
        }
    }

    private static Caller caller(String login, Role... roles) {
        return new Caller(login + "-id", login, login.substring(0, 1).toUpperCase() + login.substring(1),
                Set.of(roles));
    }

    public String tokenFor(Caller caller) {
        return accounts.issueToken(caller).token();
    }

    /** What the platform parts recorded in the audit log. */
    public final List<org.cartable.api.audit.AuditEvent> audited = new CopyOnWriteArrayList<>();
    public final org.cartable.api.audit.AuditLog auditLog = audited::add;
    /** The queries the audit trail was asked. */
    public final List<org.cartable.core.service.AuditTrail.Query> auditQueries = new CopyOnWriteArrayList<>();
    public final org.cartable.core.service.AuditTrail auditTrail = (caller, query) -> {
        auditQueries.add(query);
        return new org.cartable.core.service.AuditTrail.Page(List.of(new org.cartable.core.service.AuditTrail.Entry(
                7, Instant.parse("2026-11-29T10:00:00Z"), "login.success", "id-teacher", "teacher", null, null,
                "127.0.0.1")), 7L);
    };

    public final Accounts accounts = new Accounts() {
        @Override
        public Caller authenticate(String login, String password, String newPassword, String clientAddress) {
            lastClientAddress = clientAddress;
            if (NEWCOMER.login().equals(login) && FIRST_LOGIN_CODE.equals(password)) {
                if (newPassword == null) {
                    throw new PasswordChangeRequired();
                }
                return NEWCOMER;
            }
            if ("locked".equals(login)) {
                throw CartableException.tooManyRequests(
                        "Too many failed sign-in attempts. Please wait 7 minutes before trying again.",
                        Duration.ofMinutes(7));
            }
            Caller caller = byLogin.get(login);
            if (caller == null || !PASSWORD.equals(password)) {
                throw CartableException.unauthorized("Wrong login or password.");
            }
            return caller;
        }

        @Override
        public Caller authenticateForExport(String login, String password, String clientAddress) {
            return authenticate(login, password, clientAddress);
        }

        @Override
        public IssuedToken issueToken(Caller caller) {
            String token = UUID.randomUUID().toString().replace("-", "");
            tokens.put(token, caller);
            return new IssuedToken(token, Instant.now().plus(Duration.ofHours(12)));
        }

        @Override
        public Optional<Caller> resolveToken(String token) {
            return Optional.ofNullable(tokens.get(token));
        }

        @Override
        public void revokeToken(String token) {
            tokens.remove(token);
        }

        @Override
        public void revokeToken(String token, String clientAddress) {
            lastClientAddress = clientAddress;
            tokens.remove(token);
        }

        @Override
        public void recordSignOut(Caller caller, String clientAddress) {
            lastClientAddress = clientAddress;
        }

        @Override
        public Optional<Caller> caller(String userId) {
            return byLogin.values().stream().filter(c -> c.userId().equals(userId)).findFirst();
        }
    };

    public final AppCatalog catalog = new AppCatalog() {
        @Override
        public List<InstalledApp> installed() {
            return List.of(blog, news);
        }

        @Override
        public Optional<InstalledApp> find(String appId) {
            return installed().stream().filter(app -> app.id().equals(appId)).findFirst();
        }

        /** The news app's service failed to activate (as Declarative Services would report it). */
        @Override
        public List<InstalledApp> withStatus() {
            return List.of(blog, news.with(AppStatus.FAILED, NEWS_PROBLEM));
        }
    };

    public static final String NEWS_PROBLEM = "NewsService: IllegalStateException: Schema migration db/news/changelog.xml"
            + " of news failed";

    public ClassRelation relation(Caller caller, String classId) {
        if (!classId.equals(c1.id())) {
            return caller == teacher && classId.equals(c2.id())
                    ? new ClassRelation(classId, true, false, false, List.of())
                    : ClassRelation.none(classId);
        }
        if (caller == teacher) {
            return new ClassRelation(classId, true, false, false, List.of());
        }
        if (caller == pupil) {
            return new ClassRelation(classId, false, false, true, List.of());
        }
        if (caller == parent) {
            return new ClassRelation(classId, false, false, false, List.of(pupil.userId()));
        }
        return ClassRelation.none(classId);
    }

    /** The core's rule: a tool (non-class app) is open to the holders of one of its roles. */
    public final ToolAccess toolAccess = (caller, appId) -> {
        CartableApp app = catalog.find(appId).map(InstalledApp::app).filter(a -> a.scope() != AppScope.CLASS)
                .orElseThrow(() -> CartableException.notFound("App not found."));
        if (Collections.disjoint(app.roles(), caller.roles())) {
            throw CartableException.forbidden("This tool is not open to your role.");
        }
    };

    public final ClassAccess classAccess = (caller, classId, appId) -> {
        ClassRelation relation = relation(caller, classId);
        if (!relation.isMember()) {
            throw CartableException.notFound("No such class.");
        }
        if (!(classId.equals("c1") && appId.equals("blog"))) {
            throw CartableException.forbidden("The app '" + appId + "' is not enabled for this class.");
        }
        return relation;
    };

    public final Directory directory = new Directory() {
        @Override
        public Optional<ClassInfo> findClass(String classId) {
            return Optional.of(c1).filter(c -> c.id().equals(classId));
        }

        @Override
        public Optional<PersonSummary> person(String personId) {
            return Optional.empty();
        }

        @Override
        public ClassRelation relation(Caller caller, String classId) {
            return FakePlatform.this.relation(caller, classId);
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
            return parentId.equals(parent.userId())
                    ? List.of(new ChildInfo(new PersonSummary(pupil.userId(), pupil.displayName()), c1),
                    new ChildInfo(new PersonSummary("baby-id", "Baby"), null))
                    : List.of();
        }

        @Override
        public List<ClassInfo> classesOf(Caller caller) {
            List<ClassInfo> classes = new ArrayList<>();
            if (relation(caller, "c1").isMember()) {
                classes.add(c1);
            }
            return classes;
        }
    };

    public final ActivationAdmin activation = new ActivationAdmin() {
        @Override
        public void enable(Caller caller, String classId, String appId) {
            check(caller, classId);
            activationCalls.add("enable " + classId + " " + appId + " by " + caller.login());
        }

        @Override
        public void disable(Caller caller, String classId, String appId) {
            check(caller, classId);
            activationCalls.add("disable " + classId + " " + appId + " by " + caller.login());
        }

        @Override
        public List<InstalledApp> enabledApps(Caller caller, String classId) {
            if (!relation(caller, classId).isMember()) {
                throw CartableException.notFound("No such class.");
            }
            return List.of(blog);
        }

        @Override
        public Map<String, Integer> classesPerEnabledApp() {
            return Map.of("blog", 2);
        }

        private void check(Caller caller, String classId) {
            ClassRelation relation = relation(caller, classId);
            if (!relation.isMember()) {
                throw CartableException.notFound("No such class.");
            }
            if (!relation.isStaff()) {
                throw CartableException.forbidden("Only the class's teachers and director manage its apps.");
            }
        }
    };

    /** Karaf's FeaturesService is large; a proxy answers the few methods the resource calls and fails the rest. */
    public final FeaturesService features = (FeaturesService) Proxy.newProxyInstance(
            FeaturesService.class.getClassLoader(), new Class<?>[] {FeaturesService.class}, (proxy, method, args) ->
                    switch (method.getName()) {
                        case "listFeatures" -> installedFeatures.keySet().stream().sorted().map(FakePlatform::feature)
                                .toArray(Feature[]::new);
                        case "getFeatures" -> installedFeatures.containsKey((String) args[0])
                                ? new Feature[] {feature((String) args[0])} : new Feature[0];
                        case "getFeature" -> args.length == 1 && installedFeatures.containsKey((String) args[0])
                                ? feature((String) args[0]) : null;
                        case "isInstalled" -> installedFeatures.getOrDefault(((Feature) args[0]).getName(), false);
                        case "installFeature" -> {
                            featureCalls.add("install " + args[0] + " " + args[args.length - 1]);
                            installedFeatures.put((String) args[0], true);
                            yield null;
                        }
                        case "uninstallFeature" -> {
                            featureCalls.add("uninstall " + args[0] + " " + args[args.length - 1]);
                            installedFeatures.put((String) args[0], false);
                            yield null;
                        }
                        // FeaturesResource must use only the calls above; anything else is a test failure
                        default -> throw new UnsupportedOperationException(method.getName());
                    });

    public boolean isFeatureInstalled(String name) {
        return installedFeatures.getOrDefault(name, false);
    }

    private static Feature feature(String name) {
        return (Feature) Proxy.newProxyInstance(Feature.class.getClassLoader(), new Class<?>[] {Feature.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getName" -> name;
                    case "getVersion" -> "1.0.0";
                    case "toString" -> name + "/1.0.0";
                    case "hashCode" -> name.hashCode();
                    case "equals" -> proxy == args[0];
                    // the resource reads only the name and version of a feature
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    record SimpleApp(String id, String frenchName, String englishName, AppScope scope) implements CartableApp {
        @Override
        public String name(Locale locale) {
            return "en".equals(locale.getLanguage()) ? englishName : frenchName;
        }

        @Override
        public String description(Locale locale) {
            return "en".equals(locale.getLanguage()) ? "About " + englishName : "À propos : " + frenchName;
        }

        @Override
        public String icon() {
            return "📝";
        }

        @Override
        public Set<Role> roles() {
            return Collections.unmodifiableSet(EnumSet.of(Role.TEACHER, Role.PUPIL));
        }
    }
}
