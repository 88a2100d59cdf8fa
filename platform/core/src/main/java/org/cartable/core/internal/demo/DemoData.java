package org.cartable.core.internal.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.apache.aries.jpa.template.JpaTemplate;
import org.cartable.api.Grade;
import org.cartable.api.Role;
import org.cartable.core.internal.accounts.PasswordHasher;
import org.cartable.core.internal.directory.DirectoryWriter;
import org.cartable.core.internal.directory.SchoolYears;
import org.cartable.core.internal.model.Collectivity;
import org.cartable.core.internal.model.CollectivityKind;
import org.cartable.core.internal.model.ParentLink.Relationship;
import org.cartable.core.internal.model.Person;
import org.cartable.core.internal.model.School;
import org.cartable.core.internal.model.SchoolClass;
import org.cartable.core.internal.model.SchoolLevel;
import org.cartable.core.internal.schema.CoreSchema;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small but realistic directory for demonstrations and tests: three schools of three collectivities, a multi-level
 * class, a parent with children in two schools and a pupil who moved on to collège. It is written only into a
 * directory without any account, so it never mixes with real data and a restart does not seed twice.
 * <p>
 * Registered as a service only so that {@link DemoContentRunner} starts after the directory is seeded.
 */
@Component(service = DemoData.class, configurationPid = DemoConfig.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL,
        immediate = true)
@Designate(ocd = DemoConfig.class)
public final class DemoData {

    public static final String PASSWORD = "demo";
    public static final String EMAIL_DOMAIN = "demo.cartable.test";

    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

    private static final List<String> FIRST_NAMES = List.of("Emma", "Louis", "Jade", "Gabriel", "Louise", "Raphaël",
            "Ambre", "Arthur", "Alice", "Jules", "Chloé", "Adam", "Inès", "Lucas", "Rose", "Maël", "Anna", "Léo",
            "Mia", "Paul", "Zoé", "Noé", "Lina", "Sacha", "Manon", "Tom", "Camille", "Ethan", "Lou", "Timéo");
    private static final List<String> LAST_NAMES = List.of("Bernard", "Dubois", "Thomas", "Robert", "Richard",
            "Durand", "Moreau", "Laurent", "Simon", "Michel", "Lefebvre", "Roux", "David", "Bertrand", "Morel",
            "Fournier", "Girard", "Bonnet", "Lambert", "Fontaine", "Vincent", "Muller", "Faure", "André", "Mercier",
            "Blanc", "Guérin", "Boyer", "Chevalier", "Perrin");
    private static final List<String> PARENT_FIRST_NAMES = List.of("Claire", "Julien", "Nadia", "Sébastien",
            "Isabelle", "Karim", "Aurélie", "Nicolas", "Céline", "Mehdi", "Sandrine", "Olivier", "Stéphanie", "Yann",
            "Émilie", "François", "Laetitia", "Mathieu", "Audrey", "Rachid", "Virginie", "Cédric", "Fatima",
            "Guillaume", "Hélène", "Jérôme");

    private final JpaTemplate jpa;
    private final PasswordHasher hasher;
    private final Clock clock;

    @Activate
    public DemoData(@Reference CoreSchema schema, @Reference(target = CoreSchema.UNIT_FILTER) JpaTemplate jpa,
                    DemoConfig config) {
        this(jpa, config.bcryptCost(), Clock.systemDefaultZone());
        if (config.enabled()) {
            seedIfEmpty();
        }
    }

    /** Builds the component outside OSGi (tests, tools) from already resolved collaborators. */
    public static DemoData create(JpaTemplate jpa, int bcryptCost, Clock clock) {
        return new DemoData(jpa, bcryptCost, clock);
    }

    private DemoData(JpaTemplate jpa, int bcryptCost, Clock clock) {
        this.jpa = jpa;
        this.hasher = new PasswordHasher(bcryptCost);
        this.clock = clock;
    }

    /** @return whether data was written (false when the directory already had accounts) */
    public boolean seedIfEmpty() {
        boolean seeded = jpa.txExpr(em -> {
            long persons = em.createQuery("select count(p) from Person p", Long.class).getSingleResult();
            if (persons > 0) {
                return false;
            }
            new Seeder(new DirectoryWriter(em, clock)).seed();
            return true;
        });
        if (seeded) {
            LOG.info("Demo directory seeded (every password is '{}')", PASSWORD);
        } else {
            LOG.info("Demo data not seeded: the directory already has accounts");
        }
        return seeded;
    }

    /** One seeding run: keeps the name counters and the school year together. */
    private final class Seeder {

        private final DirectoryWriter w;
        private final String year;
        private final LocalDate yearStart;
        private int nextName;
        /*
         * Every demo account has the published password "demo", so one salted hash for all of them reveals nothing
         * more, and seeding costs one bcrypt round instead of one per account (seconds at first start).
         */
        private final String demoPasswordHash = hasher.hash(PASSWORD);

        Seeder(DirectoryWriter writer) {
            this.w = writer;
            this.year = SchoolYears.of(LocalDate.now(clock));
            this.yearStart = SchoolYears.firstDay(year);
        }

        private Person account(String login, String first, String last, Role... roles) {
            Person person = w.person(login, demoPasswordHash, first, last, roles);
            // Adults get a mail address of a reserved test domain, so notification e-mails can be tried out.
            if (List.of(roles).stream().anyMatch(r -> r == Role.TEACHER || r == Role.PARENT || r == Role.DIRECTOR)) {
                person.setEmail(login + "@" + EMAIL_DOMAIN);
            }
            return person;
        }

        void seed() {
            Collectivity montreuil = w.collectivity("Montreuil-sur-Loire", CollectivityKind.COMMUNE, true,
                    "21450123400017");
            Collectivity saintPierre = w.collectivity("Saint-Pierre-des-Bois", CollectivityKind.COMMUNE, false, null);
            Collectivity val = w.collectivity("Communauté de communes du Val", CollectivityKind.EPCI, true,
                    "20004567800012");

            School julesFerry = w.school("0451234A", "École Jules Ferry", montreuil, SchoolLevel.PRIMARY);
            School marieCurie = w.school("0455678B", "École Marie Curie", saintPierre, SchoolLevel.PRIMARY);
            School victorHugo = w.school("0459999C", "Collège Victor Hugo", val, SchoolLevel.SECONDARY);

            SchoolClass a1 = w.schoolClass(julesFerry, "CM1 A", year, Grade.CM1);
            SchoolClass a2 = w.schoolClass(julesFerry, "CE2-CM1", year, Grade.CE2, Grade.CM1);
            SchoolClass b1 = w.schoolClass(marieCurie, "CP B", year, Grade.CP);
            SchoolClass sixieme = w.schoolClass(victorHugo, "6e A", year, Grade.SIXIEME);
            // Last year's class of the pupil who moved on to collège: history stays in the directory.
            SchoolClass lastYearCm2 = w.schoolClass(julesFerry, "CM2", SchoolYears.previous(year), Grade.CM2);

            Person teacher = account("teacher", "Marie", "Dupont", Role.TEACHER);
            Person teacher2 = account("teacher2", "Thomas", "Leroy", Role.TEACHER);
            Person teacher3 = account("teacher3", "Julie", "Moreau", Role.TEACHER);
            Person director = account("director", "Philippe", "Garnier", Role.DIRECTOR);
            w.assignTeacher(teacher, a1);
            w.assignTeacher(teacher2, b1);
            w.assignTeacher(teacher3, a2);
            w.assignDirector(director, julesFerry);

            Person lea = account("pupil", "Léa", "Martin", Role.PUPIL);
            Person hugo = account("pupilb", "Hugo", "Martin", Role.PUPIL);
            Person sophie = account("parent", "Sophie", "Martin", Role.PARENT);
            w.enrol(lea, a1, yearStart);
            w.enrol(hugo, b1, yearStart);
            w.linkParent(sophie, lea, Relationship.MOTHER);
            w.linkParent(sophie, hugo, Relationship.MOTHER);

            Person nathan = account("pupil2", "Nathan", "Petit", Role.PUPIL);
            Person karim = account("parent2", "Karim", "Petit", Role.PARENT);
            w.enrol(nathan, a1, yearStart);
            w.linkParent(karim, nathan, Relationship.FATHER);

            account("operator", "Olivier", "Lambert", Role.OPERATOR);
            account("admin", "Nicolas", "Fabre", Role.PLATFORM_ADMIN);
            w.collectivityAdmin(account("coladmin", "Hélène", "Rousseau", Role.COLLECTIVITY_ADMIN), montreuil);

            classmates(a1, "a1", 3, 7);
            classmates(a2, "a2", 1, 7);
            classmates(b1, "b1", 2, 7);
            classmates(sixieme, "c6a", 1, 4);

            Person collegien = account("c6a.pupil5", "Enzo", "Chevalier", Role.PUPIL);
            w.enrol(collegien, lastYearCm2, SchoolYears.firstDay(lastYearCm2.getSchoolYear()))
                    .end(yearStart.minusMonths(2));
            w.enrol(collegien, sixieme, yearStart);
            w.linkParent(account("c6a.parent5", "Laure", "Chevalier", Role.PARENT), collegien, Relationship.MOTHER);

            w.teacherGroup("ERUN du Val", teacher, teacher2);

            // A1 and B1 have chosen their blog (the blog's demo content writes in both); the other classes have no
            // decision yet, so they follow the configured defaults.
            w.activation(a1, "blog", true);
            w.activation(b1, "blog", true);
            // CP B keeps its homework diary online; A1's teacher has not decided yet.
            w.activation(b1, "homework", true);
            // Both classes write a wiki (its demo pages come from the wiki app's DemoContent).
            w.activation(a1, "wiki", true);
            w.activation(b1, "wiki", true);
            // A1 keeps a multimedia notebook (its demo notebooks come from the notebook app's DemoContent).
            w.activation(a1, "notebook", true);
        }

        /** Pupils with one parent each, logins like a1.pupil3 / a1.parent3. */
        private void classmates(SchoolClass schoolClass, String prefix, int firstNumber, int count) {
            for (int i = 0; i < count; i++) {
                int number = firstNumber + i;
                int n = nextName++;
                String lastName = LAST_NAMES.get(n % LAST_NAMES.size());
                Person pupil = account(prefix + ".pupil" + number, FIRST_NAMES.get(n % FIRST_NAMES.size()), lastName,
                        Role.PUPIL);
                w.enrol(pupil, schoolClass, yearStart);
                Person parent = account(prefix + ".parent" + number,
                        PARENT_FIRST_NAMES.get(n % PARENT_FIRST_NAMES.size()), lastName, Role.PARENT);
                w.linkParent(parent, pupil, n % 2 == 0 ? Relationship.MOTHER : Relationship.FATHER);
            }
        }
    }
}
