package org.cartable.testing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import org.cartable.api.AppActivation;
import org.cartable.api.Caller;
import org.cartable.api.CartableException;
import org.cartable.api.ChildInfo;
import org.cartable.api.ClassAccess;
import org.cartable.api.ClassInfo;
import org.cartable.api.ClassRelation;
import org.cartable.api.Directory;
import org.cartable.api.PersonSummary;
import org.cartable.api.Role;

/**
 * The platform's directory, class access check and app activation, in memory, for the unit tests of one class-scoped
 * app. The test states who is who in which class, either as explicit relations ({@link #relate}) or as the facts the
 * platform derives them from ({@link #teach}, {@link #enrol}, {@link #parent(Caller, Caller)}: a parent relates to a
 * class through their children enrolled in it), and in which classes the app is enabled.
 * <p>
 * Lists come in the order the test gave the people (the platform sorts them by name). Methods no app needs
 * ({@link #childrenOf}, {@link #classesOf}) throw {@link UnsupportedOperationException}: an empty answer would let a
 * test pass without saying anything, so an app that starts using them must teach this fake first.
 */
public final class FakeSchool implements ClassAccess, Directory, AppActivation {

    private final String appId;
    private final Map<String, PersonSummary> people = new HashMap<>();
    /* class → person → relation, in the order the test gave them */
    private final Map<String, Map<String, ClassRelation>> relations = new LinkedHashMap<>();
    private final Map<String, String> classNames = new HashMap<>();
    /* pupil → their parents, in the order the test gave them */
    private final Map<String, List<String>> parents = new HashMap<>();
    private final Set<String> enabled = new HashSet<>();

    /** @param appId the app under test: the only one {@link #check} lets through, in the classes it is enabled in */
    public FakeSchool(String appId) {
        this.appId = Objects.requireNonNull(appId, "appId");
    }

    /** Registers an account; login and id are the same. */
    public Caller person(String id, String name, Role role) {
        people.put(id, new PersonSummary(id, name));
        return new Caller(id, id, name, Set.of(role));
    }

    /** Sets the caller's explicit relation to the class, replacing the one it had. */
    public FakeSchool relate(Caller caller, ClassRelation relation) {
        relations.computeIfAbsent(relation.classId(), key -> new LinkedHashMap<>()).put(caller.userId(), relation);
        return this;
    }

    /** The caller teaches the class (besides what else they are there). */
    public FakeSchool teach(Caller teacher, String classId) {
        return change(teacher, classId, r -> new ClassRelation(classId, true, r.director(), r.pupil(), r.childIds()));
    }

    /** The pupil is enrolled in the class; their linked parents relate to it through them. */
    public FakeSchool enrol(Caller pupil, String classId) {
        return change(pupil, classId, r -> new ClassRelation(classId, r.teacher(), r.director(), true, r.childIds()));
    }

    /** The pupil leaves the class (what they did there stays, but no longer counts). */
    public FakeSchool leave(Caller pupil, String classId) {
        Map<String, ClassRelation> members = relations.get(classId);
        ClassRelation was = members == null ? null : members.get(pupil.userId());
        if (was != null) {
            ClassRelation now = new ClassRelation(classId, was.teacher(), was.director(), false, was.childIds());
            if (now.isMember()) {
                members.put(pupil.userId(), now);
            } else {
                members.remove(pupil.userId());
            }
        }
        return this;
    }

    /** Links a parent to their child, wherever the child is enrolled (as the platform's parent links do). */
    public FakeSchool parent(Caller parent, Caller child) {
        parents.computeIfAbsent(child.userId(), key -> new ArrayList<>()).add(parent.userId());
        return this;
    }

    /**
     * Sets the parent's explicit relation to the class: the parent of these pupils there (none: no longer related),
     * whether or not the pupils are enrolled in it.
     */
    public FakeSchool parent(Caller parent, String classId, String... childIds) {
        return relate(parent, new ClassRelation(classId, false, false, false, List.of(childIds)));
    }

    /** Names the class (its name is its id otherwise). */
    public FakeSchool className(String classId, String name) {
        classNames.put(classId, name);
        return this;
    }

    /** Enables the app under test in the class. */
    public FakeSchool enable(String classId) {
        return enable(classId, true);
    }

    public FakeSchool enable(String classId, boolean on) {
        if (on) {
            enabled.add(classId);
        } else {
            enabled.remove(classId);
        }
        return this;
    }

    private FakeSchool change(Caller caller, String classId, UnaryOperator<ClassRelation> change) {
        ClassRelation was = relations.getOrDefault(classId, Map.of()).getOrDefault(caller.userId(),
                ClassRelation.none(classId));
        return relate(caller, change.apply(was));
    }

    @Override
    public ClassRelation check(Caller caller, String classId, String appId) {
        ClassRelation relation = relation(caller, classId);
        if (!relation.isMember()) {
            throw CartableException.notFound("Class not found.");
        }
        if (!isEnabled(classId, appId)) {
            throw CartableException.forbidden("The app '" + appId + "' is not enabled for this class.");
        }
        return relation;
    }

    @Override
    public boolean isEnabled(String classId, String appId) {
        return this.appId.equals(appId) && enabled.contains(classId);
    }

    @Override
    public Set<String> enabledApps(String classId) {
        return enabled.contains(classId) ? Set.of(appId) : Set.of();
    }

    @Override
    public ClassRelation relation(Caller caller, String classId) {
        ClassRelation given = relations.getOrDefault(classId, Map.of()).get(caller.userId());
        List<String> children = new ArrayList<>(given == null ? List.of() : given.childIds());
        for (String pupil : memberIds(classId, ClassRelation::pupil)) {
            if (parents.getOrDefault(pupil, List.of()).contains(caller.userId()) && !children.contains(pupil)) {
                children.add(pupil);
            }
        }
        if (given == null) {
            return new ClassRelation(classId, false, false, false, children);
        }
        return new ClassRelation(classId, given.teacher(), given.director(), given.pupil(), children);
    }

    @Override
    public Optional<PersonSummary> person(String personId) {
        return Optional.ofNullable(people.get(personId));
    }

    @Override
    public Optional<ClassInfo> findClass(String classId) {
        if (!relations.containsKey(classId) && !classNames.containsKey(classId)) {
            return Optional.empty();
        }
        return Optional.of(new ClassInfo(classId, classNames.getOrDefault(classId, classId), "school", "École",
                "2026-2027", List.of()));
    }

    @Override
    public List<PersonSummary> pupils(String classId) {
        return summaries(memberIds(classId, ClassRelation::pupil));
    }

    @Override
    public List<PersonSummary> teachers(String classId) {
        return summaries(memberIds(classId, ClassRelation::teacher));
    }

    @Override
    public List<PersonSummary> parentsOf(String pupilId) {
        List<String> ids = new ArrayList<>(parents.getOrDefault(pupilId, List.of()));
        relations.values().forEach(members -> members.forEach((personId, relation) -> {
            if (relation.childIds().contains(pupilId) && !ids.contains(personId)) {
                ids.add(personId);
            }
        }));
        return summaries(ids);
    }

    @Override
    public List<ChildInfo> childrenOf(String parentId) {
        throw new UnsupportedOperationException("FakeSchool does not answer childrenOf: class-scoped apps learn a"
                + " parent's children in a class from relation(...); teach the fake if an app needs more");
    }

    @Override
    public List<ClassInfo> classesOf(Caller caller) {
        throw new UnsupportedOperationException("FakeSchool does not answer classesOf: class-scoped apps are given"
                + " their class; teach the fake if an app needs more");
    }

    private List<String> memberIds(String classId, Predicate<ClassRelation> which) {
        return relations.getOrDefault(classId, Map.of()).entrySet().stream()
                .filter(e -> which.test(e.getValue())).map(Map.Entry::getKey).toList();
    }

    private List<PersonSummary> summaries(List<String> ids) {
        return ids.stream().map(id -> person(id).orElseThrow(
                () -> new IllegalStateException("'" + id + "' was never registered with FakeSchool.person(...)")))
                .toList();
    }
}
