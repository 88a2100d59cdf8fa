package org.cartable.web.internal;

import java.util.List;
import java.util.Set;

import org.apache.wicket.markup.html.WebPage;
import org.apache.wicket.util.tester.FormTester;
import org.cartable.api.AppScope;
import org.cartable.api.Caller;
import org.cartable.api.ClassInfo;
import org.cartable.api.Grade;
import org.cartable.api.Role;
import org.cartable.core.service.AuditTrail;
import org.cartable.api.web.PageContribution;
import org.cartable.core.service.InstalledApp;
import org.cartable.core.service.PersonalDataRights;
import org.cartable.web.internal.pages.SignInPage;

/**
 * One school with two classes, a teacher for each, a director, a pupil, a parent of two children in different
 * classes, and an operator; three installed apps. The shell runs on these in-memory services in a WicketTester.
 */
final class ShellFixture {

    static final String PASSWORD = "motdepasse-123";
    static final String SCHOOL = "5c1b7f1e-0000-4000-8000-000000000001";
    static final String CM1 = "5c1b7f1e-0000-4000-8000-0000000000c1";
    static final String CP = "5c1b7f1e-0000-4000-8000-0000000000c2";

    static final Caller MARIE = caller("u-marie", "marie", "Marie Dupont", Role.TEACHER);
    static final Caller PAUL = caller("u-paul", "paul", "Paul Martin", Role.TEACHER);
    static final Caller DANA = caller("u-dana", "dana", "Dana Leroy", Role.DIRECTOR);
    static final Caller LEA = caller("u-lea", "lea", "Léa Bernard", Role.PUPIL);
    static final Caller SOPHIE = caller("u-sophie", "sophie", "Sophie Bernard", Role.PARENT);
    static final Caller OLIVIER = caller("u-olivier", "olivier", "Olivier Ops", Role.OPERATOR);

    /** A page contribution as an app bundle registers it. */
    record Contribution(String appId, String path, Class<? extends WebPage> pageClass, boolean isHome)
            implements PageContribution {
    }

    /** The blog's home page (a class of its own, as a real app would have). */
    public static class BlogHomePage extends SamplePage {
        private static final long serialVersionUID = 1L;

        public BlogHomePage(org.apache.wicket.request.mapper.parameter.PageParameters parameters) {
            super(parameters);
        }
    }

    final InMemoryDirectory directory = new InMemoryDirectory();
    final InMemoryCatalog catalog = new InMemoryCatalog();
    final InMemoryActivation activation = new InMemoryActivation(directory, catalog);
    final InMemoryAccounts accounts = new InMemoryAccounts();
    final InMemoryFeed feed = new InMemoryFeed();
    final PageContributions contributions = new PageContributions();
    /** The queries the audit page made; the trail answers one entry, and refuses like core does. */
    final java.util.List<AuditTrail.Query> auditQueries = new java.util.concurrent.CopyOnWriteArrayList<>();
    final AuditTrail auditTrail = (caller, query) -> {
        if (!caller.has(Role.OPERATOR) && !caller.has(Role.PLATFORM_ADMIN)) {
            throw org.cartable.api.CartableException.forbidden("operators only");
        }
        auditQueries.add(query);
        return new AuditTrail.Page(List.of(new AuditTrail.Entry(41, java.time.Instant.parse("2026-11-29T13:05:00Z"),
                "login.failure", null, "ghost-login", null, "unknown login", "10.1.2.3")), 41L);
    };

    /** Writes a ZIP with one entry naming the person, like the real export starts. */
    final PersonalDataRights personalData = new PersonalDataRights() {
        @Override
        public void export(String personId, java.io.OutputStream out) throws java.io.IOException {
            java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out);
            zip.putNextEntry(new java.util.zip.ZipEntry("platform/profile.json"));
            zip.write(("{\"id\": \"" + personId + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.finish();
        }

        @Override
        public boolean purge(String personId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int purgePreDeletedBefore(java.time.Instant limit) {
            throw new UnsupportedOperationException();
        }
    };
    final Contribution blogHome = new Contribution("blog", "blog/${classId}", BlogHomePage.class, true);
    final CartableWebApplication application;
    final BrowserLikeTester tester;

    ShellFixture() {
        directory.addClass(new ClassInfo(CM1, "CM1 A", SCHOOL, "École Jules Ferry", "2026-2027", List.of(Grade.CM1)));
        directory.addClass(new ClassInfo(CP, "CP B", SCHOOL, "École Jules Ferry", "2026-2027", List.of(Grade.CP)));
        for (Caller c : List.of(MARIE, PAUL, DANA, LEA, SOPHIE, OLIVIER)) {
            directory.addPerson(c.userId(), c.displayName());
            accounts.add(c, PASSWORD);
        }
        directory.addPerson("u-hugo", "Hugo Bernard");
        directory.addTeacher(CM1, MARIE.userId());
        directory.addTeacher(CP, PAUL.userId());
        directory.addDirector(SCHOOL, DANA.userId());
        directory.addPupil(CM1, LEA.userId());
        directory.addPupil(CP, "u-hugo");
        directory.addChild(SOPHIE.userId(), LEA.userId());
        directory.addChild(SOPHIE.userId(), "u-hugo");

        catalog.install(new InstalledApp(new TestApp("blog", "Blog de classe", "Class blog", "📝", AppScope.CLASS), "1.2.0"));
        catalog.install(new InstalledApp(new TestApp("agenda", "Cahier de textes", "Homework diary", "📅", AppScope.CLASS), "0.9.1"));
        catalog.install(new InstalledApp(new TestApp("stats", "Statistiques", "Statistics", "📊", AppScope.OPERATOR), "2.0.0"));
        activation.enable(MARIE, CM1, "blog");
        activation.enable(PAUL, CP, "agenda");

        contributions.add(blogHome);
        application = new CartableWebApplication(
                new PlatformServices(accounts, directory, catalog, activation, activation, feed, null, auditTrail,
                        personalData),
                contributions);
        tester = new BrowserLikeTester(application);
    }

    private static Caller caller(String id, String login, String name, Role role) {
        return new Caller(id, login, name, Set.of(role));
    }

    void signIn(Caller caller) {
        tester.startPage(SignInPage.class);
        FormTester form = tester.newFormTester("form");
        form.setValue("login", caller.login());
        form.setValue("password", PASSWORD);
        form.submit();
    }

    String html() {
        return tester.getLastResponseAsString();
    }

    void destroy() {
        tester.destroy();
    }
}
