package org.cartable.core.internal.directory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import javax.persistence.EntityManager;
import javax.persistence.FlushModeType;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.cartable.api.CartableException;
import org.cartable.api.Role;
import org.cartable.core.internal.model.Changes;
import org.cartable.core.internal.model.DirectorAssignment;
import org.cartable.core.internal.model.ExternalId;
import org.cartable.core.internal.model.Person;
import org.cartable.core.internal.model.School;
import org.cartable.core.internal.model.SchoolClass;
import org.cartable.core.internal.model.TeacherAssignment;
import org.cartable.core.internal.schema.CoreSchema;
import org.cartable.core.service.NewAccount;
import org.cartable.core.service.StaffAdmin;
import org.cartable.core.service.StaffImportResult;
import org.cartable.core.service.StaffRoster;
import org.cartable.core.service.StaffRoster.RosterTeacher;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Imports schools' teaching staff (see {@link StaffAdmin}). A school's staff is a few dozen people: it is read in a
 * handful of queries, then written at commit (flush mode COMMIT, as the pupils' import, so that queries do not
 * dirty-check what the run already loaded).
 */
@Component(service = StaffAdmin.class, configurationPid = DirectoryAdminConfig.PID)
public final class CoreStaffAdmin implements StaffAdmin {

    private static final int CHUNK = 500;

    private final JpaTemplate jpa;
    private final Duration initialCodeValidity;
    private final Clock clock;
    private final Passwords passwords = new Passwords();

    @Activate
    public CoreStaffAdmin(@Reference CoreSchema schema,
                          @Reference(target = CoreSchema.UNIT_FILTER) JpaTemplate jpa,
                          DirectoryAdminConfig config) {
        this(jpa, Duration.ofDays(config.initialCodeValidityDays()), Clock.systemDefaultZone());
    }

    /** Builds the component outside OSGi (tests, tools). */
    public static CoreStaffAdmin create(JpaTemplate jpa, Duration initialCodeValidity, Clock clock) {
        return new CoreStaffAdmin(jpa, initialCodeValidity, clock);
    }

    private CoreStaffAdmin(JpaTemplate jpa, Duration initialCodeValidity, Clock clock) {
        this.jpa = jpa;
        this.initialCodeValidity = Passwords.validity(initialCodeValidity);
        this.clock = clock;
    }

    @Override
    public StaffImportResult importStaff(StaffRoster roster, boolean dryRun) {
        validate(roster);
        try {
            return jpa.txExpr(TransactionType.Required, em -> {
                FlushModeType before = em.getFlushMode();
                em.setFlushMode(FlushModeType.COMMIT);
                try {
                    StaffImportResult result = new Run(em, roster, dryRun).apply();
                    if (dryRun || !result.errors().isEmpty()) {
                        throw new Rollback(result);
                    }
                    return result;
                } finally {
                    em.setFlushMode(before);
                }
            });
        } catch (Rollback rollback) {
            return rollback.result;
        } finally {
            // After the commit: teachers and directors moved by the import lose their cached class relations now.
            Changes.DIRECTORY.changed();
        }
    }

    private void validate(StaffRoster roster) {
        SchoolYears.requireOpen(roster.schoolYear(), LocalDate.now(clock));
        Set<String> ids = new HashSet<>();
        for (RosterTeacher t : roster.teachers()) {
            if (!ids.add(t.externalId())) {
                throw CartableException.badRequest("Teacher " + t.firstName() + " " + t.lastName()
                        + " is listed twice.");
            }
        }
    }

    /** Carries a result out of the transaction it rolls back (dry run, or errors). */
    private static final class Rollback extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient StaffImportResult result;

        Rollback(StaffImportResult result) {
            super("rollback", null, false, false);
            this.result = result;
        }
    }

    private final class Run {
        private final EntityManager em;
        private final StaffRoster roster;
        private final boolean dryRun;
        private final Instant now = clock.instant();
        private final List<NewAccount> newAccounts = new ArrayList<>();
        private int created, added, removed, directors, unchanged;

        Run(EntityManager em, StaffRoster roster, boolean dryRun) {
            this.em = em;
            this.roster = roster;
            this.dryRun = dryRun;
        }

        StaffImportResult apply() {
            List<School> found = em.createQuery("select s from School s where s.uai = :uai", School.class)
                    .setParameter("uai", roster.uai()).getResultList();
            if (found.isEmpty()) {
                throw CartableException.badRequest("Unknown school UAI " + roster.uai()
                        + ": import its pupils first (the staff import creates no school).");
            }
            School school = found.get(0);
            Map<String, SchoolClass> classes = new HashMap<>();
            for (SchoolClass c : em.createQuery("select c from SchoolClass c where c.school = :school"
                            + " and c.schoolYear = :year", SchoolClass.class)
                    .setParameter("school", school).setParameter("year", roster.schoolYear()).getResultList()) {
                classes.put(c.getName(), c);
            }
            Map<Integer, String> errors = new TreeMap<>();
            for (int i = 0; i < roster.teachers().size(); i++) {
                List<String> unknown = roster.teachers().get(i).classNames().stream()
                        .filter(name -> !classes.containsKey(name)).toList();
                if (!unknown.isEmpty()) {
                    // Class names quoted, the school's own list not: callers find a line's class in the message.
                    errors.put(i, "unknown class " + String.join(", ", unknown.stream().map(n -> "'" + n + "'")
                            .toList()) + " in school " + roster.uai() + " for " + roster.schoolYear()
                            + " (the school has: " + String.join(", ", new java.util.TreeSet<>(classes.keySet()))
                            + ")");
                }
            }
            if (!errors.isEmpty()) {
                return result(school, errors);
            }

            Map<String, String> known = externalIds(roster.teachers().stream().map(RosterTeacher::externalId)
                    .toList());
            // Who holds a class of the school this year, and who directs it: both may lose it.
            Map<String, List<TeacherAssignment>> assignments = new HashMap<>();
            for (TeacherAssignment a : em.createQuery("select a from TeacherAssignment a join fetch a.teacher"
                            + " join fetch a.schoolClass where a.schoolClass.school = :school"
                            + " and a.schoolClass.schoolYear = :year", TeacherAssignment.class)
                    .setParameter("school", school).setParameter("year", roster.schoolYear()).getResultList()) {
                assignments.computeIfAbsent(a.getTeacher().getId(), k -> new ArrayList<>()).add(a);
            }
            Map<String, DirectorAssignment> directorships = new HashMap<>();
            for (DirectorAssignment d : em.createQuery("select d from DirectorAssignment d join fetch d.director"
                    + " where d.school = :school", DirectorAssignment.class)
                    .setParameter("school", school).getResultList()) {
                directorships.put(d.getDirector().getId(), d);
            }
            Map<String, Person> persons = new HashMap<>();
            loadPersons(known.values(), persons);
            Logins logins = new Logins(em);
            logins.prefetch(roster.teachers().stream()
                    .filter(t -> !known.containsKey(t.externalId()))
                    .map(t -> Names.loginBase(t.firstName(), t.lastName())).toList());

            Set<String> listed = new HashSet<>();
            for (RosterTeacher t : roster.teachers()) {
                Person teacher = known.containsKey(t.externalId()) ? persons.get(known.get(t.externalId())) : null;
                boolean changed = false;
                if (teacher == null) {
                    teacher = newAccount(t, logins);
                    em.persist(new ExternalId(roster.source(), t.externalId(), teacher.getId()));
                    created++;
                } else if (teacher.getRoles().add(Role.TEACHER)) {
                    changed = true;
                }
                listed.add(teacher.getId());
                changed |= assign(teacher, t, classes, assignments.getOrDefault(teacher.getId(), List.of()));
                changed |= direct(teacher, t.director(), school, directorships);
                if (!changed && known.containsKey(t.externalId())) {
                    unchanged++;
                }
            }
            // This source's teachers who are no longer listed lose what it gave them in this school.
            Set<String> others = new LinkedHashSet<>(assignments.keySet());
            others.addAll(directorships.keySet());
            others.removeAll(listed);
            Set<String> fromSource = fromSource(others);
            loadPersons(fromSource, persons);
            for (String id : fromSource) {
                assign(persons.get(id), null, classes, assignments.getOrDefault(id, List.of()));
                direct(persons.get(id), false, school, directorships);
            }
            return result(school, errors);
        }

        private StaffImportResult result(School school, Map<Integer, String> errors) {
            return new StaffImportResult(roster.uai(), school.getId(), created, added, removed, directors, unchanged,
                    errors, dryRun || !errors.isEmpty() ? List.of() : newAccounts);
        }

        /** Makes the teacher's classes in the school this year the listed ones (none for {@code t} null). */
        private boolean assign(Person teacher, RosterTeacher t, Map<String, SchoolClass> classes,
                               List<TeacherAssignment> current) {
            Set<String> wanted = new LinkedHashSet<>(t == null ? List.of() : t.classNames());
            boolean changed = false;
            for (TeacherAssignment a : current) {
                if (!wanted.remove(a.getSchoolClass().getName())) {
                    em.remove(a);
                    removed++;
                    changed = true;
                }
            }
            for (String name : wanted) {
                em.persist(new TeacherAssignment(teacher, classes.get(name)));
                added++;
                changed = true;
            }
            return changed;
        }

        private boolean direct(Person teacher, boolean director, School school,
                               Map<String, DirectorAssignment> directorships) {
            DirectorAssignment current = directorships.get(teacher.getId());
            if (director && current == null) {
                em.persist(new DirectorAssignment(teacher, school));
                teacher.getRoles().add(Role.DIRECTOR);
                directors++;
                return true;
            }
            if (!director && current != null) {
                em.remove(current);
                boolean elsewhere = !em.createQuery("select d.id from DirectorAssignment d"
                                + " where d.director = :p and d.school <> :school", String.class)
                        .setParameter("p", teacher).setParameter("school", school).setMaxResults(1)
                        .getResultList().isEmpty();
                if (!elsewhere) {
                    teacher.getRoles().remove(Role.DIRECTOR);
                }
                directors++;
                return true;
            }
            return false;
        }

        /** Everything is set before persist: one INSERT each. */
        private Person newAccount(RosterTeacher t, Logins logins) {
            String login = logins.allocate(Names.loginBase(t.firstName(), t.lastName()));
            Passwords.FirstLogin code = passwords.firstLogin(dryRun);
            Set<Role> roles = t.director() ? EnumSet.of(Role.TEACHER, Role.DIRECTOR) : EnumSet.of(Role.TEACHER);
            Person person = new Person(login, code.hash(), t.firstName().trim(), t.lastName().trim(), roles, now);
            code.applyTo(person, now.plus(initialCodeValidity));
            String email = Names.emailKey(t.email()) == null ? null : t.email().trim();
            person.setEmail(email);
            em.persist(person);
            newAccounts.add(new NewAccount(person.getId(), login, code.code(), person.displayName(), false,
                    t.classNames().isEmpty() ? "" : t.classNames().get(0), null));
            return person;
        }

        private Map<String, String> externalIds(List<String> ids) {
            Map<String, String> found = new LinkedHashMap<>();
            forChunks(ids, chunk -> {
                for (ExternalId e : em.createQuery("select e from ExternalId e where e.source = :source"
                                + " and e.externalId in :ids", ExternalId.class)
                        .setParameter("source", roster.source()).setParameter("ids", chunk).getResultList()) {
                    found.put(e.getExternalId(), e.getPersonId());
                }
            });
            return found;
        }

        private Set<String> fromSource(Collection<String> personIds) {
            Set<String> found = new HashSet<>();
            forChunks(List.copyOf(personIds), chunk -> found.addAll(em.createQuery(
                            "select e.personId from ExternalId e where e.source = :source and e.personId in :ids",
                            String.class)
                    .setParameter("source", roster.source()).setParameter("ids", chunk).getResultList()));
            return found;
        }

        private void loadPersons(Collection<String> ids, Map<String, Person> persons) {
            List<String> missing = ids.stream().filter(id -> !persons.containsKey(id)).distinct().toList();
            forChunks(missing, chunk -> em.createQuery(
                            "select distinct p from Person p left join fetch p.roles where p.id in :ids", Person.class)
                    .setParameter("ids", chunk).getResultList().forEach(p -> persons.put(p.getId(), p)));
        }
    }

    private static <T> void forChunks(List<T> list, java.util.function.Consumer<List<T>> action) {
        for (int i = 0; i < list.size(); i += CHUNK) {
            action.accept(list.subList(i, Math.min(list.size(), i + CHUNK)));
        }
    }
}
