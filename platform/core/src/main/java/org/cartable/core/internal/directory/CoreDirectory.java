package org.cartable.core.internal.directory;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.aries.jpa.template.JpaTemplate;
import org.cartable.api.Caller;
import org.cartable.api.ChildInfo;
import org.cartable.api.ClassInfo;
import org.cartable.api.ClassRelation;
import org.cartable.api.Directory;
import org.cartable.api.PersonSummary;
import org.cartable.api.privacy.FormerUser;
import org.cartable.core.internal.cache.ShortLivedCache;
import org.cartable.core.internal.model.Changes;
import org.cartable.core.internal.model.Enrolment;
import org.cartable.core.internal.model.Person;
import org.cartable.core.internal.model.PersonStatus;
import org.cartable.core.internal.model.SchoolClass;
import org.cartable.core.internal.schema.CoreSchema;
import org.cartable.core.service.RequestScope;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The school directory read from core's tables. An enrolment is current on a day D when it started on or before D
 * and has no end date or ends after D ({@link #CURRENT_ENROLMENT}, the one predicate every query here uses, so that
 * the relation to a class, the class lists and the children's current class always agree). Blocked accounts relate
 * to no class, and give their parents no access either.
 */
@Component(service = Directory.class)
public final class CoreDirectory implements Directory {

    /**
     * Enrolment {@code e} is current on {@code :today}. A future enrolment (entered before the school year starts)
     * opens nothing yet; an ended one (the pupil left, or moved up a year) opens nothing any more.
     */
    static final String CURRENT_ENROLMENT = "(e.start <= :today and (e.end is null or e.end > :today))";

    /**
     * How long a relation serves across requests: a visit's requests ask it again within seconds. Any write of the
     * directory or of an account ends it sooner ({@link Changes#DIRECTORY}, {@link Changes#ACCOUNTS}).
     */
    static final Duration RELATION_TTL = Duration.ofSeconds(5);

    private final JpaTemplate jpa;
    private final Clock clock;
    private final ShortLivedCache<RelationKey, ClassRelation> relations;
    private final ShortLivedCache<PersonDay, List<ChildInfo>> children;
    private final ShortLivedCache<PersonDay, List<ClassInfo>> classes;
    private final ShortLivedCache<String, PersonSummary> people;

    @Activate
    public CoreDirectory(@Reference CoreSchema schema,
                         @Reference(target = CoreSchema.UNIT_FILTER) JpaTemplate jpa) {
        this(jpa, Clock.systemDefaultZone());
    }

    /** Builds the component outside OSGi (tests, tools) from already resolved collaborators. */
    public static CoreDirectory create(JpaTemplate jpa, Clock clock) {
        return new CoreDirectory(jpa, clock);
    }

    private CoreDirectory(JpaTemplate jpa, Clock clock) {
        this.jpa = jpa;
        this.clock = clock;
        this.relations = new ShortLivedCache<>(RELATION_TTL,
                Changes::directoryOrAccounts, clock);
        // A parent's children and their classes: every page of the shell and /api/me show them.
        this.children = new ShortLivedCache<>(RELATION_TTL, Changes.DIRECTORY::current, clock);
        // The classes a person teaches, directs or attends: /api/me and the dashboard list them on every visit; a
        // blocked account lists none, hence the accounts' counter too.
        this.classes = new ShortLivedCache<>(RELATION_TTL,
                Changes::directoryOrAccounts, clock);
        // Names are written once; a removed account moves the counter.
        this.people = new ShortLivedCache<>(RELATION_TTL, Changes.ACCOUNTS::current, clock);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    @Override
    public Optional<ClassInfo> findClass(String classId) {
        if (classId == null) {
            return Optional.empty();
        }
        return jpa.txExpr(em -> Optional.ofNullable(em.find(SchoolClass.class, classId)).map(Views::classInfo));
    }

    @Override
    public Optional<PersonSummary> person(String personId) {
        if (personId == null) {
            return Optional.empty();
        }
        if (FormerUser.is(personId)) {
            // Apps render authors through this: what a purged account wrote shows as a former user's.
            return Optional.of(new PersonSummary(FormerUser.ID, FormerUser.label(Locale.FRENCH)));
        }
        // Every list names its authors and the child through this, a transaction each: kept a few seconds. An unknown
        // id is not remembered (the person may be created the next moment).
        return Optional.ofNullable(people.get(personId,
                () -> jpa.txExpr(em -> Optional.ofNullable(em.find(Person.class, personId)).map(Views::summary)
                        .orElse(null))));
    }

    @Override
    public ClassRelation relation(Caller caller, String classId) {
        if (caller == null || classId == null) {
            return ClassRelation.none(classId);
        }
        // Once per request (the platform's check before an app's resource runs and the app's own check share it), and
        // for a few seconds across the requests of a visit.
        RelationKey key = new RelationKey(caller.userId(), classId, today());
        return RequestScope.memo(key, () -> relations.get(key, () -> jpa.txExpr(em -> {
            Person person = em.find(Person.class, caller.userId());
            // The school is all this needs of the class: no entity, no grades to load.
            String schoolId = em.createQuery("select c.school.id from SchoolClass c where c.id = :class",
                    String.class).setParameter("class", classId).getResultList().stream().findFirst().orElse(null);
            if (person == null || !person.isActive() || schoolId == null) {
                return ClassRelation.none(classId);
            }
            boolean teacher = count(em.createQuery("select count(*) from TeacherAssignment t"
                    + " where t.teacher.id = :person and t.schoolClass.id = :class", Long.class)
                    .setParameter("person", person.getId()).setParameter("class", classId).getSingleResult());
            boolean director = count(em.createQuery("select count(*) from DirectorAssignment d"
                    + " where d.director.id = :person and d.school.id = :school", Long.class)
                    .setParameter("person", person.getId())
                    .setParameter("school", schoolId).getSingleResult());
            boolean pupil = count(em.createQuery("select count(*) from Enrolment e"
                    + " where e.pupil.id = :person and e.schoolClass.id = :class and " + CURRENT_ENROLMENT, Long.class)
                    .setParameter("person", person.getId()).setParameter("class", classId)
                    .setParameter("today", today()).getSingleResult());
            // A blocked child opens nothing to their parents: the parent's access only ever stands for the child's.
            List<String> childIds = em.createQuery("select distinct l.child.id from ParentLink l, Enrolment e"
                    + " where l.parent.id = :person and e.pupil = l.child and l.child.status = :active"
                    + " and e.schoolClass.id = :class and " + CURRENT_ENROLMENT, String.class)
                    .setParameter("person", person.getId()).setParameter("class", classId)
                    .setParameter("active", PersonStatus.ACTIVE)
                    .setParameter("today", today()).getResultList();
            return new ClassRelation(classId, teacher, director, pupil, childIds.stream().sorted().toList());
        })));
    }

    private record RelationKey(String userId, String classId, LocalDate day) {
    }

    private static boolean count(Long value) {
        return value != null && value > 0;
    }

    @Override
    public List<PersonSummary> pupils(String classId) {
        return jpa.txExpr(em -> Views.summaries(em.createQuery("select distinct p from Enrolment e join e.pupil p"
                        + " where e.schoolClass.id = :class and " + CURRENT_ENROLMENT, Person.class)
                .setParameter("class", classId).setParameter("today", today()).getResultList()
                .stream().sorted(BY_NAME).toList()));
    }

    @Override
    public List<PersonSummary> teachers(String classId) {
        return jpa.txExpr(em -> Views.summaries(em.createQuery("select p from TeacherAssignment t join t.teacher p"
                        + " where t.schoolClass.id = :class order by p.lastName, p.firstName", Person.class)
                .setParameter("class", classId).getResultList()));
    }

    @Override
    public List<PersonSummary> parentsOf(String pupilId) {
        return jpa.txExpr(em -> Views.summaries(em.createQuery("select p from ParentLink l join l.parent p"
                        + " where l.child.id = :child order by p.lastName, p.firstName", Person.class)
                .setParameter("child", pupilId).getResultList()));
    }

    @Override
    public List<ChildInfo> childrenOf(String parentId) {
        if (parentId == null) {
            return List.of();
        }
        return children.get(new PersonDay(parentId, today()), () -> readChildrenOf(parentId));
    }

    /** What is current for a person depends on the day (enrolments start and end). */
    private record PersonDay(String personId, LocalDate day) {
    }

    private List<ChildInfo> readChildrenOf(String parentId) {
        // A constant number of statements whatever the number of children: the children, then all their current
        // enrolments with class and school (grades follow in one batch), instead of a query per child.
        return jpa.txExpr(em -> {
            List<Object[]> children = em.createQuery("select c.id, c.firstName, c.lastName from ParentLink l"
                    + " join l.child c where l.parent.id = :parent order by c.firstName, c.lastName", Object[].class)
                    .setParameter("parent", parentId).getResultList();
            if (children.isEmpty()) {
                return List.<ChildInfo>of();
            }
            List<String> ids = children.stream().map(row -> (String) row[0]).toList();
            Map<String, ClassInfo> current = new HashMap<>();
            // Latest start first: the first enrolment seen of a child is its current class, whatever the school.
            em.createQuery("select e from Enrolment e join fetch e.schoolClass c join fetch c.school"
                            + " where e.pupil.id in :pupils and " + CURRENT_ENROLMENT + " order by e.start desc",
                            Enrolment.class)
                    .setParameter("pupils", ids).setParameter("today", today()).getResultList()
                    .forEach(e -> current.computeIfAbsent(e.getPupil().getId(),
                            id -> Views.classInfo(e.getSchoolClass())));
            List<ChildInfo> result = new ArrayList<>();
            for (Object[] child : children) {
                String id = (String) child[0];
                result.add(new ChildInfo(new PersonSummary(id, child[1] + " " + child[2]), current.get(id)));
            }
            return List.copyOf(result);
        });
    }

    @Override
    public List<ClassInfo> classesOf(Caller caller) {
        if (caller == null) {
            return List.of();
        }
        return classes.get(new PersonDay(caller.userId(), today()), () -> readClassesOf(caller));
    }

    private List<ClassInfo> readClassesOf(Caller caller) {
        return jpa.txExpr(em -> {
            Person person = em.find(Person.class, caller.userId());
            if (person == null || !person.isActive()) {
                return List.<ClassInfo>of();
            }
            Map<String, SchoolClass> classes = new LinkedHashMap<>();
            em.createQuery("select c from TeacherAssignment t join t.schoolClass c where t.teacher.id = :person",
                            SchoolClass.class)
                    .setParameter("person", person.getId()).getResultList()
                    .forEach(c -> classes.put(c.getId(), c));
            // Same predicate as relation(): every class listed here opens, and no other class does.
            em.createQuery("select c from Enrolment e join e.schoolClass c where e.pupil.id = :person"
                            + " and " + CURRENT_ENROLMENT, SchoolClass.class)
                    .setParameter("person", person.getId())
                    .setParameter("today", today()).getResultList()
                    .forEach(c -> classes.put(c.getId(), c));
            em.createQuery("select c from SchoolClass c, DirectorAssignment d"
                            + " where d.director.id = :person and c.school = d.school", SchoolClass.class)
                    .setParameter("person", person.getId()).getResultList()
                    .forEach(c -> classes.put(c.getId(), c));
            return classes.values().stream()
                    .sorted(Comparator.comparing((SchoolClass c) -> c.getSchool().getName())
                            .thenComparing(SchoolClass::getSchoolYear, Comparator.reverseOrder())
                            .thenComparing(SchoolClass::getName))
                    .map(Views::classInfo)
                    .toList();
        });
    }

    private static final Comparator<Person> BY_NAME =
            Comparator.comparing(Person::getLastName).thenComparing(Person::getFirstName);
}
