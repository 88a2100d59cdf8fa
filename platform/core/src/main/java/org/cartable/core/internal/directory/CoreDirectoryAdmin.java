package org.cartable.core.internal.directory;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.cartable.api.CartableException;
import org.cartable.api.Role;
import org.cartable.core.internal.accounts.PasswordHasher;
import org.cartable.core.internal.model.Collectivity;
import org.cartable.core.internal.model.ContactDetails;
import org.cartable.core.internal.model.Enrolment;
import org.cartable.core.internal.model.ExternalId;
import org.cartable.core.internal.model.ParentLink;
import org.cartable.core.internal.model.Person;
import org.cartable.core.internal.model.PersonStatus;
import org.cartable.core.internal.model.PreDeletion;
import org.cartable.core.internal.model.School;
import org.cartable.core.internal.model.SchoolClass;
import org.cartable.core.internal.model.SchoolLevel;
import org.cartable.core.internal.privacy.PlatformData;
import org.cartable.core.internal.schema.CoreSchema;
import org.cartable.core.service.DirectoryAdmin;
import org.cartable.core.service.NewAccount;
import org.cartable.core.service.SchoolImportResult;
import org.cartable.core.service.SchoolRoster;
import org.cartable.core.service.SchoolRoster.RosterClass;
import org.cartable.core.service.SchoolRoster.RosterGuardian;
import org.cartable.core.service.SchoolRoster.RosterPupil;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Imports school rosters into the directory (see {@link DirectoryAdmin} for the matching rules) and purges. */
@Component(service = DirectoryAdmin.class, configurationPid = DirectoryAdminConfig.PID)
@Designate(ocd = DirectoryAdminConfig.class)
public final class CoreDirectoryAdmin implements DirectoryAdmin {

    private static final Logger LOG = LoggerFactory.getLogger(CoreDirectoryAdmin.class);
    private static final Pattern SCHOOL_YEAR = Pattern.compile("\\d{4}-\\d{4}");
    private static final Pattern UAI = Pattern.compile("\\d{7}[A-Z]");
    /** Derby (and others) limit the size of IN lists. */
    private static final int CHUNK = 500;

    private final JpaTemplate jpa;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final Passwords passwords = new Passwords();

    @Activate
    public CoreDirectoryAdmin(@Reference CoreSchema schema,
                              @Reference(target = CoreSchema.UNIT_FILTER) JpaTemplate jpa,
                              DirectoryAdminConfig config) {
        this(jpa, config.initialPasswordCost(), Clock.systemDefaultZone());
    }

    /** Builds the component outside OSGi (tests, tools) from already resolved collaborators. */
    public static CoreDirectoryAdmin create(JpaTemplate jpa, int initialPasswordCost, Clock clock) {
        return new CoreDirectoryAdmin(jpa, initialPasswordCost, clock);
    }

    private CoreDirectoryAdmin(JpaTemplate jpa, int initialPasswordCost, Clock clock) {
        this.jpa = jpa;
        this.hasher = new PasswordHasher(initialPasswordCost);
        this.clock = clock;
    }

    @Override
    public SchoolImportResult importSchool(SchoolRoster roster, String collectivityId, boolean dryRun) {
        LocalDate effective = validate(roster);
        try {
            return jpa.txExpr(TransactionType.Required, em -> {
                SchoolImportResult result = new Run(em, roster, effective, dryRun).apply(collectivityId);
                if (dryRun) {
                    throw new DryRunRollback(result);
                }
                return result;
            });
        } catch (DryRunRollback rollback) {
            return rollback.result;
        }
    }

    /** @return the date the roster takes effect: today, or the first day of a school year still to come */
    private LocalDate validate(SchoolRoster roster) {
        if (!UAI.matcher(roster.uai()).matches()) {
            throw CartableException.badRequest("Invalid UAI '" + roster.uai() + "': 7 digits and a letter.");
        }
        String year = roster.schoolYear();
        if (!SCHOOL_YEAR.matcher(year).matches()
                || Integer.parseInt(year.substring(5)) != Integer.parseInt(year.substring(0, 4)) + 1) {
            throw CartableException.badRequest("Invalid school year '" + year + "': write it like 2026-2027.");
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate first = SchoolYears.firstDay(year);
        if (!today.isBefore(first.plusYears(1))) {
            throw CartableException.badRequest("The school year " + year + " is over.");
        }
        Set<String> classNames = new HashSet<>();
        for (RosterClass c : roster.classes()) {
            if (!classNames.add(c.name())) {
                throw CartableException.badRequest("Class '" + c.name() + "' is listed twice.");
            }
        }
        Set<String> pupilIds = new HashSet<>();
        for (RosterPupil p : roster.pupils()) {
            if (!pupilIds.add(p.externalId())) {
                throw CartableException.badRequest("Pupil " + p.externalId() + " is listed twice.");
            }
            if (!classNames.contains(p.className())) {
                throw CartableException.badRequest("Pupil " + p.externalId() + " is in an unknown class.");
            }
        }
        for (RosterGuardian g : roster.guardians()) {
            if (!pupilIds.containsAll(g.pupilIds()) || g.pupilIds().isEmpty()) {
                throw CartableException.badRequest("Guardian " + g.firstName() + " " + g.lastName()
                        + " is linked to no pupil of the roster.");
            }
        }
        return today.isBefore(first) ? first : today;
    }

    @Override
    public int purgePreDeletedBefore(Instant limit) {
        List<String> due = jpa.txExpr(em -> em.createQuery(
                        "select d.personId from PreDeletion d where d.since < :limit", String.class)
                .setParameter("limit", limit).getResultList());
        int purged = 0;
        for (String personId : due) {
            // One transaction per account: one that cannot go (another bundle still refers to it) stays pre-deleted
            // and does not hold back the others.
            try {
                jpa.tx(TransactionType.RequiresNew, em -> purge(em, personId));
                purged++;
            } catch (RuntimeException e) {
                LOG.warn("Pre-deleted account {} could not be purged; it stays pre-deleted", personId, e);
            }
        }
        return purged;
    }

    private static void purge(EntityManager em, String personId) {
        Person person = em.find(Person.class, personId);
        if (person == null || person.getStatus() != PersonStatus.PRE_DELETED) {
            return;
        }
        PlatformData.purge(em, person);
    }

    /** Carries a dry run's result out of the transaction that it rolls back. */
    private static final class DryRunRollback extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient SchoolImportResult result;

        DryRunRollback(SchoolImportResult result) {
            super("dry run", null, false, false);
            this.result = result;
        }
    }

    /** One school's import, inside its transaction. */
    private final class Run {

        private final EntityManager em;
        private final SchoolRoster roster;
        private final LocalDate day;
        private final boolean dryRun;
        private final Instant now = clock.instant();
        private final List<NewAccount> newAccounts = new ArrayList<>();
        private final Map<String, SchoolClass> classes = new HashMap<>();
        private final Map<String, Person> pupils = new HashMap<>();
        private final Map<String, String> pupilClass = new HashMap<>();
        private boolean schoolCreated;
        private int classesCreated, pupilsCreated, pupilsMoved, pupilsEnrolled, guardiansCreated, linksCreated,
                linksRemoved, preDeleted, unchanged;

        Run(EntityManager em, SchoolRoster roster, LocalDate day, boolean dryRun) {
            this.em = em;
            this.roster = roster;
            this.day = day;
            this.dryRun = dryRun;
        }

        SchoolImportResult apply(String collectivityId) {
            School school = school(collectivityId);
            classes(school);
            Set<Person> leftBehind = pupils(school);
            if (!roster.guardians().isEmpty()) {
                leftBehind.addAll(guardians());
            }
            for (Person person : leftBehind) {
                preDeleteIfAlone(person);
            }
            return new SchoolImportResult(roster.uai(), schoolCreated && dryRun ? null : school.getId(),
                    schoolCreated, classesCreated, pupilsCreated, pupilsMoved, pupilsEnrolled, guardiansCreated,
                    linksCreated, linksRemoved, preDeleted, unchanged, dryRun ? List.of() : newAccounts);
        }

        private School school(String collectivityId) {
            List<School> found = em.createQuery("select s from School s where s.uai = :uai", School.class)
                    .setParameter("uai", roster.uai()).getResultList();
            if (!found.isEmpty()) {
                return found.get(0);
            }
            Collectivity collectivity = collectivityId == null ? null : em.find(Collectivity.class, collectivityId);
            if (collectivity == null) {
                throw CartableException.badRequest("Unknown school UAI " + roster.uai()
                        + ": choose the collectivity that runs it to create it.");
            }
            String name = roster.schoolName() == null || roster.schoolName().isBlank()
                    ? "École " + roster.uai() : roster.schoolName().trim();
            School school = new School(roster.uai(), name, collectivity, SchoolLevel.PRIMARY);
            em.persist(school);
            schoolCreated = true;
            return school;
        }

        private void classes(School school) {
            for (SchoolClass existing : em.createQuery(
                            "select c from SchoolClass c where c.school = :school and c.schoolYear = :year",
                            SchoolClass.class)
                    .setParameter("school", school).setParameter("year", roster.schoolYear()).getResultList()) {
                classes.put(existing.getName(), existing);
            }
            for (RosterClass c : roster.classes()) {
                if (!classes.containsKey(c.name())) {
                    SchoolClass created = new SchoolClass(school, c.name(), roster.schoolYear(),
                            c.grades().isEmpty() ? EnumSet.noneOf(org.cartable.api.Grade.class)
                                    : EnumSet.copyOf(c.grades()));
                    em.persist(created);
                    classes.put(c.name(), created);
                    classesCreated++;
                }
            }
        }

        /** @return pupils who left the school */
        private Set<Person> pupils(School school) {
            Map<String, String> known = externalIds(roster.pupils().stream().map(RosterPupil::externalId).toList());
            Map<String, List<Enrolment>> current = new HashMap<>();
            for (Enrolment e : em.createQuery("select e from Enrolment e where e.schoolClass.school = :school"
                            + " and e.start <= :day and (e.end is null or e.end > :day)", Enrolment.class)
                    .setParameter("school", school).setParameter("day", day).getResultList()) {
                current.computeIfAbsent(e.getPupil().getId(), id -> new ArrayList<>()).add(e);
            }
            Set<String> listed = new HashSet<>();
            for (RosterPupil p : roster.pupils()) {
                SchoolClass target = classes.get(p.className());
                String personId = known.get(p.externalId());
                Person pupil;
                if (personId == null) {
                    pupil = newAccount(p.firstName(), p.lastName(), Role.PUPIL, p.className(), null);
                    em.persist(new ExternalId(roster.source(), p.externalId(), pupil.getId()));
                    em.persist(new Enrolment(pupil, target, day));
                    pupilsCreated++;
                } else {
                    pupil = em.find(Person.class, personId);
                    boolean restored = restore(pupil);
                    List<Enrolment> now = current.containsKey(personId) ? current.get(personId)
                            : currentEnrolments(pupil);
                    if (now.stream().anyMatch(e -> e.getSchoolClass().getId().equals(target.getId()))) {
                        if (restored) {
                            pupilsEnrolled++;
                        } else {
                            unchanged++;
                        }
                    } else {
                        for (Enrolment e : now) {
                            e.end(day);
                        }
                        em.persist(new Enrolment(pupil, target, day));
                        if (now.isEmpty()) {
                            pupilsEnrolled++;
                        } else {
                            pupilsMoved++;
                        }
                    }
                }
                listed.add(pupil.getId());
                pupils.put(p.externalId(), pupil);
                pupilClass.put(pupil.getId(), p.className());
            }
            Set<Person> left = new LinkedHashSet<>();
            for (Map.Entry<String, List<Enrolment>> entry : current.entrySet()) {
                if (!listed.contains(entry.getKey())) {
                    for (Enrolment e : entry.getValue()) {
                        e.end(day);
                        left.add(e.getPupil());
                    }
                }
            }
            // Their guardians may be left without a child.
            List<Person> guardiansOfLeavers = new ArrayList<>();
            for (Person leaver : left) {
                guardiansOfLeavers.addAll(em.createQuery(
                                "select l.parent from ParentLink l where l.child = :child", Person.class)
                        .setParameter("child", leaver).getResultList());
            }
            left.addAll(guardiansOfLeavers);
            return left;
        }

        private List<Enrolment> currentEnrolments(Person pupil) {
            return em.createQuery("select e from Enrolment e where e.pupil = :pupil"
                            + " and e.start <= :day and (e.end is null or e.end > :day)", Enrolment.class)
                    .setParameter("pupil", pupil).setParameter("day", day).getResultList();
        }

        /** @return guardians who lost a link and may be left without a child */
        private Set<Person> guardians() {
            Map<String, String> known = externalIds(roster.guardians().stream().map(RosterGuardian::externalId)
                    .filter(id -> id != null).toList());
            Map<String, Set<String>> listedParents = new HashMap<>();
            for (RosterGuardian g : roster.guardians()) {
                List<Person> children = g.pupilIds().stream().map(pupils::get).toList();
                Person parent = match(g, known, children);
                boolean changed = false;
                if (parent == null) {
                    Person first = children.get(0);
                    parent = newAccount(g.firstName(), g.lastName(), Role.PARENT,
                            pupilClass.get(first.getId()), first.displayName());
                    guardiansCreated++;
                } else {
                    changed = restore(parent);
                    if (parent.getRoles().add(Role.PARENT)) {
                        changed = true;
                    }
                }
                if (g.externalId() != null && !known.containsKey(g.externalId())) {
                    em.persist(new ExternalId(roster.source(), g.externalId(), parent.getId()));
                    known.put(g.externalId(), parent.getId());
                }
                changed |= contact(parent, g);
                for (Person child : children) {
                    listedParents.computeIfAbsent(child.getId(), id -> new HashSet<>()).add(parent.getId());
                    if (em.createQuery("select count(l) from ParentLink l where l.parent = :p and l.child = :c",
                                    Long.class)
                            .setParameter("p", parent).setParameter("c", child).getSingleResult() == 0) {
                        em.persist(new ParentLink(parent, child, relationship(g.relationship())));
                        linksCreated++;
                    }
                }
                if (!changed) {
                    unchanged++;
                }
            }
            Set<Person> unlinked = new LinkedHashSet<>();
            for (Person child : pupils.values()) {
                Set<String> wanted = listedParents.getOrDefault(child.getId(), Set.of());
                for (ParentLink link : em.createQuery("select l from ParentLink l where l.child = :c",
                        ParentLink.class).setParameter("c", child).getResultList()) {
                    if (!wanted.contains(link.getParent().getId())) {
                        unlinked.add(link.getParent());
                        em.remove(link);
                        linksRemoved++;
                    }
                }
            }
            return unlinked;
        }

        private Person match(RosterGuardian g, Map<String, String> known, List<Person> children) {
            if (g.externalId() != null && known.containsKey(g.externalId())) {
                return em.find(Person.class, known.get(g.externalId()));
            }
            String first = Names.key(g.firstName());
            String last = Names.key(g.lastName());
            for (Person linked : em.createQuery(
                            "select l.parent from ParentLink l where l.child in :children", Person.class)
                    .setParameter("children", children).getResultList()) {
                if (Names.key(linked.getFirstName()).equals(first) && Names.key(linked.getLastName()).equals(last)) {
                    return linked;
                }
            }
            String email = Names.emailKey(g.email());
            if (email != null) {
                // Parents often share one family address: the first name must match too.
                for (Person candidate : em.createQuery("select p from Person p, ContactDetails c"
                                + " where c.personId = p.id and c.emailKey = :email", Person.class)
                        .setParameter("email", email).getResultList()) {
                    if (Names.key(candidate.getFirstName()).equals(first)) {
                        return candidate;
                    }
                }
            }
            String phone = Names.phoneKey(g.phone());
            if (phone != null) {
                for (Person candidate : em.createQuery("select p from Person p, ContactDetails c"
                                + " where c.personId = p.id and c.phoneKey = :phone", Person.class)
                        .setParameter("phone", phone).getResultList()) {
                    if (Names.key(candidate.getFirstName()).equals(first)
                            && Names.key(candidate.getLastName()).equals(last)) {
                        return candidate;
                    }
                }
            }
            return null;
        }

        private boolean contact(Person parent, RosterGuardian g) {
            String emailKey = Names.emailKey(g.email());
            String phoneKey = Names.phoneKey(g.phone());
            if (emailKey == null && phoneKey == null) {
                return false;
            }
            if (emailKey != null && parent.getEmail() == null) {
                // the school's address becomes the notices' address until the parent sets their own
                parent.setEmail(g.email().trim());
            }
            ContactDetails contact = em.find(ContactDetails.class, parent.getId());
            if (contact == null) {
                contact = new ContactDetails(parent.getId());
                em.persist(contact);
            }
            return contact.update(emailKey == null ? null : g.email().trim(), emailKey,
                    phoneKey == null ? null : g.phone().trim(), phoneKey);
        }

        private Person newAccount(String firstName, String lastName, Role role, String className, String child) {
            String login = freeLogin(Names.loginBase(firstName, lastName));
            String password = dryRun ? "" : passwords.next();
            // A dry run creates no real account: skip the (deliberately slow) hash.
            String hash = dryRun ? "-" : hasher.hash(password);
            Person person = new Person(login, hash, firstName.trim(), lastName.trim(), EnumSet.of(role), now);
            em.persist(person);
            newAccounts.add(new NewAccount(person.getId(), login, password, person.displayName(),
                    role == Role.PUPIL, className, child));
            return person;
        }

        private String freeLogin(String base) {
            Set<String> taken = new HashSet<>(em.createQuery(
                            "select p.loginKey from Person p where p.loginKey like :prefix", String.class)
                    .setParameter("prefix", base.replace("_", "\\_").replace("%", "\\%") + "%")
                    .getResultList());
            if (!taken.contains(base)) {
                return base;
            }
            for (int n = 2; ; n++) {
                if (!taken.contains(base + n)) {
                    return base + n;
                }
            }
        }

        private boolean restore(Person person) {
            if (person.getStatus() != PersonStatus.PRE_DELETED) {
                return false;
            }
            PreDeletion mark = em.find(PreDeletion.class, person.getId());
            person.setStatus(mark == null ? PersonStatus.ACTIVE : mark.getPreviousStatus());
            if (mark != null) {
                em.remove(mark);
            }
            return true;
        }

        /** Pre-deletes a pupil with no current class, or a guardian with no child left in a class. */
        private void preDeleteIfAlone(Person person) {
            if (person.getStatus() == PersonStatus.PRE_DELETED) {
                return;
            }
            Set<Role> roles = person.getRoles();
            if (roles.stream().anyMatch(r -> r != Role.PUPIL && r != Role.PARENT)) {
                return; // staff keep their account whatever happens to their children
            }
            if (roles.contains(Role.PUPIL) && !currentEnrolments(person).isEmpty()) {
                return;
            }
            if (roles.contains(Role.PARENT) && em.createQuery("select count(e) from ParentLink l, Enrolment e"
                            + " where l.parent = :p and e.pupil = l.child and l.child.status = :active"
                            + " and e.start <= :day and (e.end is null or e.end > :day)", Long.class)
                    .setParameter("p", person).setParameter("active", PersonStatus.ACTIVE)
                    .setParameter("day", day).getSingleResult() > 0) {
                return;
            }
            em.persist(new PreDeletion(person.getId(), now, person.getStatus()));
            person.setStatus(PersonStatus.PRE_DELETED);
            em.createQuery("delete from AccessToken t where t.personId = :id").setParameter("id", person.getId())
                    .executeUpdate();
            preDeleted++;
        }

        private Map<String, String> externalIds(List<String> ids) {
            Map<String, String> found = new LinkedHashMap<>();
            for (int i = 0; i < ids.size(); i += CHUNK) {
                for (ExternalId x : em.createQuery("select x from ExternalId x where x.source = :source"
                                + " and x.externalId in :ids", ExternalId.class)
                        .setParameter("source", roster.source())
                        .setParameter("ids", ids.subList(i, Math.min(ids.size(), i + CHUNK))).getResultList()) {
                    found.put(x.getExternalId(), x.getPersonId());
                }
            }
            return found;
        }
    }

    private static ParentLink.Relationship relationship(String value) {
        try {
            return ParentLink.Relationship.valueOf(value);
        } catch (IllegalArgumentException e) {
            return ParentLink.Relationship.GUARDIAN;
        }
    }
}
