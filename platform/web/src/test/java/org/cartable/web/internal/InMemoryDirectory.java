package org.cartable.web.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.cartable.api.Caller;
import org.cartable.api.ChildInfo;
import org.cartable.api.ClassInfo;
import org.cartable.api.ClassRelation;
import org.cartable.api.Directory;
import org.cartable.api.PersonSummary;

/** A school directory in maps, with the relation rules of the real one (teacher, director, pupil, parent). */
final class InMemoryDirectory implements Directory {

    /** Calls by method name, so that tests can bound what a page asks of the platform. */
    final CallCounts calls = new CallCounts();


    private final Map<String, ClassInfo> classes = new LinkedHashMap<>();
    private final Map<String, PersonSummary> people = new HashMap<>();
    private final Map<String, Set<String>> teachersByClass = new HashMap<>();
    private final Map<String, Set<String>> pupilsByClass = new HashMap<>();
    private final Map<String, Set<String>> directorsBySchool = new HashMap<>();
    private final Map<String, List<String>> childrenByParent = new HashMap<>();

    void addClass(ClassInfo info) {
        classes.put(info.id(), info);
    }

    void addPerson(String id, String displayName) {
        people.put(id, new PersonSummary(id, displayName));
    }

    void addTeacher(String classId, String personId) {
        teachersByClass.computeIfAbsent(classId, k -> new LinkedHashSet<>()).add(personId);
    }

    void removeTeacher(String classId, String personId) {
        teachersByClass.getOrDefault(classId, new LinkedHashSet<>()).remove(personId);
    }

    void addPupil(String classId, String personId) {
        pupilsByClass.computeIfAbsent(classId, k -> new LinkedHashSet<>()).add(personId);
    }

    void addDirector(String schoolId, String personId) {
        directorsBySchool.computeIfAbsent(schoolId, k -> new LinkedHashSet<>()).add(personId);
    }

    void addChild(String parentId, String childId) {
        childrenByParent.computeIfAbsent(parentId, k -> new ArrayList<>()).add(childId);
    }

    @Override
    public Optional<ClassInfo> findClass(String classId) {
        return Optional.ofNullable(classes.get(classId));
    }

    @Override
    public Optional<PersonSummary> person(String personId) {
        return Optional.ofNullable(people.get(personId));
    }

    @Override
    public ClassRelation relation(Caller caller, String classId) {
        calls.add("relation");
        return relationQuietly(caller, classId);
    }

    /** The relation, not counted: what the other fakes' own checks ask, as core asks it internally. */
    ClassRelation relationQuietly(Caller caller, String classId) {
        ClassInfo info = classes.get(classId);
        if (info == null) {
            return ClassRelation.none(classId);
        }
        String me = caller.userId();
        Set<String> pupils = pupilsByClass.getOrDefault(classId, Set.of());
        List<String> children = childrenByParent.getOrDefault(me, List.of()).stream()
                .filter(pupils::contains).toList();
        return new ClassRelation(classId,
                teachersByClass.getOrDefault(classId, Set.of()).contains(me),
                directorsBySchool.getOrDefault(info.schoolId(), Set.of()).contains(me),
                pupils.contains(me), children);
    }

    @Override
    public List<PersonSummary> pupils(String classId) {
        return pupilsByClass.getOrDefault(classId, Set.of()).stream().map(people::get).toList();
    }

    @Override
    public List<PersonSummary> teachers(String classId) {
        return teachersByClass.getOrDefault(classId, Set.of()).stream().map(people::get).toList();
    }

    @Override
    public List<PersonSummary> parentsOf(String pupilId) {
        return childrenByParent.entrySet().stream().filter(e -> e.getValue().contains(pupilId))
                .map(e -> people.get(e.getKey())).toList();
    }

    @Override
    public List<ChildInfo> childrenOf(String parentId) {
        calls.add("childrenOf");
        return childrenByParent.getOrDefault(parentId, List.of()).stream()
                .map(childId -> new ChildInfo(people.get(childId), classOfPupil(childId)))
                .toList();
    }

    private ClassInfo classOfPupil(String pupilId) {
        return pupilsByClass.entrySet().stream().filter(e -> e.getValue().contains(pupilId))
                .map(e -> classes.get(e.getKey())).findFirst().orElse(null);
    }

    @Override
    public List<ClassInfo> classesOf(Caller caller) {
        calls.add("classesOf");
        return classes.values().stream().filter(c -> relationQuietly(caller, c.id()).isMember()).toList();
    }
}
