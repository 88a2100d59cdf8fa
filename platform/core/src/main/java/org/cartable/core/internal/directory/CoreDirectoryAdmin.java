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
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import javax.persistence.EntityManager;
import javax.persistence.FlushModeType;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.cartable.api.CartableException;
import org.cartable.api.Role;
import org.cartable.core.internal.model.Changes;
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
    private static final Pattern UAI = Pattern.compile("\\d{7}[A-Z]");
    /** Derby (and others) limit the size of IN lists; a power of two (see {@link #forChunks}). */
    static final int CHUNK = 512;

    private final JpaTemplate jpa;
    private final Duration initialCodeValidity;
    private final Clock clock;
    private final Passwords passwords = new Passwords();

    @Activate
    public CoreDirectoryAdmin(@Reference CoreSchema schema,
                              @Reference(target = CoreSchema.UNIT_FILTER) JpaTemplate jpa,
                              DirectoryAdminConfig config) {
        this(jpa, Duration.ofDays(config.initialCodeValidityDays()), Clock.systemDefaultZone());
    }

    /** Builds the component outside OSGi (tests, tools) from already resolved collaborators. */
    public static CoreDirectoryAdmin create(JpaTemplate jpa, Duration initialCodeValidity, Clock clock) {
        return new CoreDirectoryAdmin(jpa, initialCodeValidity, clock);
    }

    private CoreDirectoryAdmin(JpaTemplate jpa, Duration initialCodeValidity, Clock clock) {
        this.jpa = jpa;
        this.initialCodeValidity = Passwords.validity(initialCodeValidity);
        this.clock = clock;
    }

    @Override
    public SchoolImportResult importSchool(SchoolRoster roster, String collectivityId, boolean dryRun) {
        LocalDate effective = validate(roster);
        try {
            return jpa.txExpr(TransactionType.Required, em -> {
                FlushModeType before = em.getFlushMode();
                em.setFlushMode(FlushModeType.COMMIT); // see Run
                try {
                    SchoolImportResult result = new Run(em, roster, effective, dryRun).apply(collectivityId);
                    if (dryRun) {
                        throw new DryRunRollback(result);
                    }
                    return result;
                } finally {
                    em.setFlushMode(before);
                }
            });
        } catch (DryRunRollback rollback) {
            return rollback.result;
        } finally {
            // After the commit: accounts blocked or pre-deleted by the import lose their cached sessions now, and
            // pupils who left or changed class their cached relations.
            Changes.ACCOUNTS.changed();
            Changes.DIRECTORY.changed();
        }
    }

    /** @return the date the roster takes effect: today, or the first day of a school year still to come */
    private LocalDate validate(SchoolRoster roster) {
        if (!UAI.matcher(roster.uai()).matches()) {
            throw CartableException.badRequest("Invalid UAI '" + roster.uai() + "': 7 digits and a letter.");
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate first = SchoolYears.requireOpen(roster.schoolYear(), today);
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
                Changes.ACCOUNTS.changed();
                Changes.DIRECTORY.changed();
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

    /**
     * One school's import, inside its transaction.
     * <p>
     * Why it reads ahead: the entity manager runs with {@link FlushModeType#COMMIT} here. With Hibernate's default
     * (AUTO), every query dirty-checks every entity already loaded in the transaction, so a school of a few hundred
     * pupils and guardians cost O(n²) — with one query per lookup, most of an import's time. So the school's state is
     * read up front in a handful of (chunked) queries — pupils by external id, their persons, current enrolments,
     * parent links, guardians' contact data and the persons sharing their e-mail or phone (indexed columns), taken
     * logins — and kept in in-memory indexes that the run updates as it writes. Nothing is written to the database
     * before the single {@link EntityManager#flush} that precedes the pre-deletion queries (which must see the run's
     * changes), then the commit; both send the inserts in JDBC batches.
     */
    private final class Run {

        private final EntityManager em;
        private final SchoolRoster roster;
        private final LocalDate day;
        private final boolean dryRun;
        private final Instant now = clock.instant();
        private final List<NewAccount> newAccounts = new ArrayList<>();
        private final Map<String, SchoolClass> classes = new HashMap<>();
        /** roster pupil external id → person */
        private final Map<String, Person> pupils = new HashMap<>();
        private final Map<String, String> pupilClass = new HashMap<>();
        /** every person the run has read or created, by id */
        private final Map<String, Person> persons = new HashMap<>();
        /** child id → links to their guardians (read and created) */
        private final Map<String, List<ParentLink>> linksByChild = new HashMap<>();
        /** person id → contact data, for every guardian candidate read or created */
        private final Map<String, ContactDetails> contacts = new HashMap<>();
        /** normalised e-mail / phone → ids of the persons with that contact data */
        private final Map<String, List<String>> byEmail = new HashMap<>();
        private final Map<String, List<String>> byPhone = new HashMap<>();
        private final Logins logins;
        private boolean schoolCreated;
        private int classesCreated, pupilsCreated, pupilsMoved, pupilsEnrolled, guardiansCreated, linksCreated,
                linksRemoved, preDeleted, unchanged;

        Run(EntityManager em, SchoolRoster roster, LocalDate day, boolean dryRun) {
            this.em = em;
            this.roster = roster;
            this.day = day;
            this.dryRun = dryRun;
            this.logins = new Logins(em);
        }

        SchoolImportResult apply(String collectivityId) {
            School school = school(collectivityId);
            classes(school);
            Set<Person> leftBehind = pupils(school);
            if (!roster.guardians().isEmpty()) {
                leftBehind.addAll(guardians());
            }
            preDeleteIfAlone(leftBehind);
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
            if (!schoolCreated) {
                for (SchoolClass existing : em.createQuery(
                                "select c from SchoolClass c where c.school = :school and c.schoolYear = :year",
                                SchoolClass.class)
                        .setParameter("school", school).setParameter("year", roster.schoolYear()).getResultList()) {
                    classes.put(existing.getName(), existing);
                }
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

        /** @return pupils who left the school, and their guardians */
        private Set<Person> pupils(School school) {
            Map<String, String> known = externalIds(roster.pupils().stream().map(RosterPupil::externalId).toList());
            loadPersons(known.values());
            // Current enrolments in this school (everyone who may have left) and, for pupils coming from elsewhere,
            // anywhere: a pupil is moved out of the school they were in.
            Map<String, List<Enrolment>> inSchool = new HashMap<>();
            if (!schoolCreated) {
                for (Enrolment e : em.createQuery("select e from Enrolment e join fetch e.pupil"
                                + " join fetch e.schoolClass where e.schoolClass.school = :school"
                                + " and e.start <= :day and (e.end is null or e.end > :day)", Enrolment.class)
                        .setParameter("school", school).setParameter("day", day).getResultList()) {
                    persons.putIfAbsent(e.getPupil().getId(), e.getPupil());
                    inSchool.computeIfAbsent(e.getPupil().getId(), id -> new ArrayList<>()).add(e);
                }
            }
            Map<String, List<Enrolment>> anywhere = new HashMap<>();
            List<String> comingIn = known.values().stream().filter(id -> !inSchool.containsKey(id)).toList();
            forChunks(comingIn, chunk -> {
                for (Object[] row : em.createQuery("select e, e.pupil.id from Enrolment e join fetch e.schoolClass"
                                + " where e.pupil.id in :ids and e.start <= :day and (e.end is null or e.end > :day)",
                                Object[].class)
                        .setParameter("ids", chunk).setParameter("day", day).getResultList()) {
                    anywhere.computeIfAbsent((String) row[1], id -> new ArrayList<>()).add((Enrolment) row[0]);
                }
            });
            Set<String> listed = new HashSet<>();
            List<RosterPupil> created = new ArrayList<>();
            for (RosterPupil p : roster.pupils()) {
                if (!known.containsKey(p.externalId())) {
                    created.add(p);
                }
            }
            logins.prefetch(created.stream().map(p -> Names.loginBase(p.firstName(), p.lastName())).toList());
            for (RosterPupil p : roster.pupils()) {
                SchoolClass target = classes.get(p.className());
                String personId = known.get(p.externalId());
                Person pupil;
                if (personId == null) {
                    pupil = newAccount(p.firstName(), p.lastName(), Role.PUPIL, p.className(), null, null);
                    em.persist(new ExternalId(roster.source(), p.externalId(), pupil.getId()));
                    em.persist(new Enrolment(pupil, target, day));
                    pupilsCreated++;
                } else {
                    pupil = persons.get(personId);
                    boolean restored = restore(pupil);
                    List<Enrolment> current = inSchool.containsKey(personId) ? inSchool.get(personId)
                            : anywhere.getOrDefault(personId, List.of());
                    if (current.stream().anyMatch(e -> e.getSchoolClass().getId().equals(target.getId()))) {
                        if (restored) {
                            pupilsEnrolled++;
                        } else {
                            unchanged++;
                        }
                    } else {
                        for (Enrolment e : current) {
                            e.end(day);
                        }
                        em.persist(new Enrolment(pupil, target, day));
                        if (current.isEmpty()) {
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
            for (Map.Entry<String, List<Enrolment>> entry : inSchool.entrySet()) {
                if (!listed.contains(entry.getKey())) {
                    for (Enrolment e : entry.getValue()) {
                        e.end(day);
                        left.add(persons.get(entry.getKey()));
                    }
                }
            }
            // The links of every child concerned: the listed pupils who already had an account, and the leavers.
            Set<String> children = new LinkedHashSet<>(known.values());
            left.forEach(leaver -> children.add(leaver.getId()));
            loadLinks(children);
            // The leavers' guardians may be left without a child.
            List<Person> guardiansOfLeavers = new ArrayList<>();
            for (Person leaver : left) {
                for (ParentLink link : linksByChild.getOrDefault(leaver.getId(), List.of())) {
                    guardiansOfLeavers.add(link.getParent());
                }
            }
            left.addAll(guardiansOfLeavers);
            return left;
        }

        private void loadLinks(Collection<String> childIds) {
            forChunks(childIds, chunk -> {
                for (Object[] row : em.createQuery("select l, l.child.id from ParentLink l join fetch l.parent"
                                + " where l.child.id in :ids", Object[].class)
                        .setParameter("ids", chunk).getResultList()) {
                    ParentLink link = (ParentLink) row[0];
                    persons.putIfAbsent(link.getParent().getId(), link.getParent());
                    linksByChild.computeIfAbsent((String) row[1], id -> new ArrayList<>()).add(link);
                }
            });
        }

        /** @return guardians who lost a link and may be left without a child */
        private Set<Person> guardians() {
            Map<String, String> known = externalIds(roster.guardians().stream().map(RosterGuardian::externalId)
                    .filter(id -> id != null).toList());
            loadGuardianCandidates(known.values());
            // Which of the logins new guardians may get are taken, in a few queries (most guardians are new the first
            // time, none on a re-import).
            logins.prefetch(roster.guardians().stream().filter(g -> g.externalId() == null
                    || !known.containsKey(g.externalId())).map(g -> Names.loginBase(g.firstName(), g.lastName()))
                    .toList());
            Map<String, Set<String>> listedParents = new HashMap<>();
            for (RosterGuardian g : roster.guardians()) {
                List<Person> children = g.pupilIds().stream().map(pupils::get).toList();
                Person parent = match(g, known, children);
                boolean changed = false;
                if (parent == null) {
                    Person first = children.get(0);
                    // the school's address becomes the notices' address until the parent sets their own
                    parent = newAccount(g.firstName(), g.lastName(), Role.PARENT,
                            pupilClass.get(first.getId()), first.displayName(),
                            Names.emailKey(g.email()) == null ? null : g.email().trim());
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
                    List<ParentLink> links = linksByChild.computeIfAbsent(child.getId(), id -> new ArrayList<>());
                    String parentId = parent.getId();
                    if (links.stream().noneMatch(l -> l.getParent().getId().equals(parentId))) {
                        ParentLink link = new ParentLink(parent, child, relationship(g.relationship()));
                        em.persist(link);
                        links.add(link);
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
                Iterator<ParentLink> links = linksByChild.getOrDefault(child.getId(), new ArrayList<>()).iterator();
                while (links.hasNext()) {
                    ParentLink link = links.next();
                    if (!wanted.contains(link.getParent().getId())) {
                        unlinked.add(link.getParent());
                        em.remove(link);
                        links.remove();
                        linksRemoved++;
                    }
                }
            }
            return unlinked;
        }

        /**
         * Reads whoever a roster guardian may match: the persons with their external ids, the guardians already linked
         * to the children (read with the links), and the persons sharing one of their e-mails or phones — with the
         * contact data of all of them.
         */
        private void loadGuardianCandidates(Collection<String> byExternalId) {
            loadPersons(byExternalId);
            Set<String> ids = new LinkedHashSet<>(byExternalId);
            linksByChild.values().forEach(links -> links.forEach(l -> ids.add(l.getParent().getId())));
            forChunks(ids, chunk -> em.createQuery("select c from ContactDetails c where c.personId in :ids",
                    ContactDetails.class).setParameter("ids", chunk).getResultList().forEach(this::indexContact));
            Set<String> emails = new LinkedHashSet<>();
            Set<String> phones = new LinkedHashSet<>();
            for (RosterGuardian g : roster.guardians()) {
                String email = Names.emailKey(g.email());
                String phone = Names.phoneKey(g.phone());
                if (email != null && !byEmail.containsKey(email)) {
                    emails.add(email);
                }
                if (phone != null && !byPhone.containsKey(phone)) {
                    phones.add(phone);
                }
            }
            forChunks(emails, chunk -> contactsWith("EMAIL_KEY", "IX_CORE_DIR_CONTACT_EMAIL", chunk));
            forChunks(phones, chunk -> contactsWith("PHONE_KEY", "IX_CORE_DIR_CONTACT_PHONE", chunk));
            loadPersons(contacts.keySet());
        }

        @SuppressWarnings("unchecked")
        private void contactsWith(String column, String index, List<String> keys) {
            ((List<ContactDetails>) em.createNativeQuery("select * from CORE_DIR_CONTACT" + useIndex("index", index)
                            + " where " + column + " in (:keys)", ContactDetails.class)
                    .setParameter("keys", keys).getResultList()).forEach(this::indexContact);
        }

        private void indexContact(ContactDetails contact) {
            if (contacts.putIfAbsent(contact.getPersonId(), contact) == null) {
                index(byEmail, contact.getEmailKey(), contact.getPersonId());
                index(byPhone, contact.getPhoneKey(), contact.getPersonId());
            }
        }

        private Person match(RosterGuardian g, Map<String, String> known, List<Person> children) {
            if (g.externalId() != null && known.containsKey(g.externalId())) {
                return persons.get(known.get(g.externalId()));
            }
            String first = Names.key(g.firstName());
            String last = Names.key(g.lastName());
            for (Person child : children) {
                for (ParentLink link : linksByChild.getOrDefault(child.getId(), List.of())) {
                    Person linked = link.getParent();
                    if (Names.key(linked.getFirstName()).equals(first)
                            && Names.key(linked.getLastName()).equals(last)) {
                        return linked;
                    }
                }
            }
            String email = Names.emailKey(g.email());
            if (email != null) {
                // Parents often share one family address: the first name must match too.
                for (String id : byEmail.getOrDefault(email, List.of())) {
                    Person candidate = persons.get(id);
                    if (Names.key(candidate.getFirstName()).equals(first)) {
                        return candidate;
                    }
                }
            }
            String phone = Names.phoneKey(g.phone());
            if (phone != null) {
                for (String id : byPhone.getOrDefault(phone, List.of())) {
                    Person candidate = persons.get(id);
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
            // Every candidate's contact data was read ahead: none here means the person has none yet.
            ContactDetails contact = contacts.get(parent.getId());
            boolean created = contact == null;
            if (created) {
                contact = new ContactDetails(parent.getId());
                contacts.put(parent.getId(), contact);
            }
            String oldEmail = contact.getEmailKey();
            String oldPhone = contact.getPhoneKey();
            boolean changed = contact.update(emailKey == null ? null : g.email().trim(), emailKey,
                    phoneKey == null ? null : g.phone().trim(), phoneKey);
            if (created) {
                em.persist(contact); // once filled in: one INSERT, no UPDATE
            }
            if (changed) {
                reindex(byEmail, oldEmail, contact.getEmailKey(), parent.getId());
                reindex(byPhone, oldPhone, contact.getPhoneKey(), parent.getId());
            }
            return changed;
        }

        /** Everything is set before persist: a change after it would cost an UPDATE at flush. */
        private Person newAccount(String firstName, String lastName, Role role, String className, String child,
                                  String email) {
            String login = logins.allocate(Names.loginBase(firstName, lastName));
            Passwords.FirstLogin code = passwords.firstLogin(dryRun);
            Person person = new Person(login, code.hash(), firstName.trim(), lastName.trim(), EnumSet.of(role), now);
            code.applyTo(person, now.plus(initialCodeValidity));
            person.setEmail(email);
            em.persist(person);
            persons.put(person.getId(), person);
            newAccounts.add(new NewAccount(person.getId(), login, code.code(), person.displayName(),
                    role == Role.PUPIL, className, child));
            return person;
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

        /**
         * Pre-deletes the pupils with no current class and the guardians with no child left in a class. Their checks
         * read the database, so the run's changes are flushed first (once). Whether one of them is pre-deleted does
         * not change another's check: a pupil is pre-deleted only without a current class, and a guardian's children
         * count only with one.
         */
        private void preDeleteIfAlone(Set<Person> candidates) {
            List<Person> alone = candidates.stream()
                    .filter(p -> p.getStatus() != PersonStatus.PRE_DELETED)
                    // staff keep their account whatever happens to their children
                    .filter(p -> p.getRoles().stream().allMatch(r -> r == Role.PUPIL || r == Role.PARENT))
                    .toList();
            if (alone.isEmpty()) {
                return;
            }
            em.flush();
            List<String> ids = alone.stream().map(Person::getId).toList();
            Set<String> inClass = new HashSet<>();
            Set<String> withChild = new HashSet<>();
            forChunks(ids, chunk -> {
                inClass.addAll(em.createQuery("select e.pupil.id from Enrolment e where e.pupil.id in :ids"
                                + " and e.start <= :day and (e.end is null or e.end > :day)", String.class)
                        .setParameter("ids", chunk).setParameter("day", day).getResultList());
                withChild.addAll(em.createQuery("select l.parent.id from ParentLink l, Enrolment e"
                                + " where l.parent.id in :ids and e.pupil = l.child and l.child.status = :active"
                                + " and e.start <= :day and (e.end is null or e.end > :day)", String.class)
                        .setParameter("ids", chunk).setParameter("active", PersonStatus.ACTIVE)
                        .setParameter("day", day).getResultList());
            });
            List<String> gone = new ArrayList<>();
            for (Person person : alone) {
                if (person.getRoles().contains(Role.PUPIL) && inClass.contains(person.getId())) {
                    continue;
                }
                if (person.getRoles().contains(Role.PARENT) && withChild.contains(person.getId())) {
                    continue;
                }
                em.persist(new PreDeletion(person.getId(), now, person.getStatus()));
                person.setStatus(PersonStatus.PRE_DELETED);
                gone.add(person.getId());
                preDeleted++;
            }
            forChunks(gone, chunk -> em.createQuery("delete from AccessToken t where t.personId in :ids")
                    .setParameter("ids", chunk).executeUpdate());
        }

        /**
         * One index probe per id, with the same statement text each time. An IN list does not do here: the unique
         * index leads with SOURCE, so Derby answered {@code SOURCE = ? and EXTERNAL_ID in (...)} with a range scan
         * of every external id of the source, the IN list tested row by row — each school's read-ahead grew with
         * all the schools imported before it (O(n²) over a department).
         */
        private Map<String, String> externalIds(List<String> ids) {
            Map<String, String> found = new LinkedHashMap<>();
            if (ids.isEmpty()) {
                return found;
            }
            javax.persistence.Query probe = em.createNativeQuery("select PERSON_ID from CORE_DIR_EXTERNAL_ID"
                            + useIndex("constraint", "UQ_CORE_DIR_EXTID") + " where SOURCE = ? and EXTERNAL_ID = ?")
                    .setParameter(1, roster.source());
            for (String id : new LinkedHashSet<>(ids)) {
                List<?> personIds = probe.setParameter(2, id).getResultList();
                if (!personIds.isEmpty()) {
                    found.put(id, (String) personIds.get(0));
                }
            }
            return found;
        }

        /** Reads the persons not read yet, with their roles, in a few queries. */
        private void loadPersons(Collection<String> ids) {
            List<String> missing = ids.stream().filter(id -> !persons.containsKey(id)).distinct().toList();
            forChunks(missing, chunk -> em.createQuery(
                            "select distinct p from Person p left join fetch p.roles where p.id in :ids", Person.class)
                    .setParameter("ids", chunk).getResultList().forEach(p -> persons.put(p.getId(), p)));
        }
    }

    /**
     * Derby's optimizer, with the statistics of tables that grow during an import, answers long IN lists with full
     * table scans — an O(n²) import again. The hint names the index to probe; it is a comment for other databases.
     */
    static String useIndex(String kind, String name) {
        return " --DERBY-PROPERTIES " + kind + "=" + name + "\n";
    }

    /**
     * Calls the action with chunks of at most {@link #CHUNK} values, each padded to a power of two by repeating its
     * last value (a value twice in an IN list changes no result). Derby caches compiled statements by their text and
     * an IN list of n parameters is a text of its own: unpadded, nearly every chunk was a new statement to compile
     * (with its optimizer run), a large share of a school's read-ahead; padded, there are ten texts per query.
     */
    static <T> void forChunks(Collection<T> values, java.util.function.Consumer<List<T>> action) {
        List<T> list = values instanceof List<T> l ? l : new ArrayList<>(values);
        for (int i = 0; i < list.size(); i += CHUNK) {
            action.accept(padded(list.subList(i, Math.min(list.size(), i + CHUNK))));
        }
    }

    static <T> List<T> padded(List<T> chunk) {
        int size = Integer.highestOneBit(chunk.size());
        if (size == chunk.size()) {
            return chunk;
        }
        List<T> padded = new ArrayList<>(size * 2);
        padded.addAll(chunk);
        while (padded.size() < size * 2) {
            padded.add(chunk.get(chunk.size() - 1));
        }
        return padded;
    }

    private static void index(Map<String, List<String>> index, String key, String personId) {
        if (key != null) {
            index.computeIfAbsent(key, k -> new ArrayList<>()).add(personId);
        }
    }

    private static void reindex(Map<String, List<String>> index, String oldKey, String newKey, String personId) {
        if (Objects.equals(oldKey, newKey)) {
            return;
        }
        if (oldKey != null && index.containsKey(oldKey)) {
            index.get(oldKey).remove(personId);
        }
        index(index, newKey, personId);
    }

    private static ParentLink.Relationship relationship(String value) {
        try {
            return ParentLink.Relationship.valueOf(value);
        } catch (IllegalArgumentException e) {
            return ParentLink.Relationship.GUARDIAN;
        }
    }
}
