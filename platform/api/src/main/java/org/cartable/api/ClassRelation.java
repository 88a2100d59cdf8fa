package org.cartable.api;

import java.io.Serializable;
import java.util.List;

/**
 * How a caller relates to a class. A caller may hold several relations at once (a teacher whose child is a pupil
 * of the same class).
 *
 * @param classId  the class
 * @param teacher  the caller teaches the class
 * @param director the caller directs the class's school
 * @param pupil    the caller is enrolled in the class
 * @param childIds ids of the caller's children enrolled in the class (empty if none)
 */
public record ClassRelation(String classId, boolean teacher, boolean director, boolean pupil, List<String> childIds)
        implements Serializable {

    public ClassRelation {
        childIds = List.copyOf(childIds);
    }

    /** @return a relation granting nothing */
    public static ClassRelation none(String classId) {
        return new ClassRelation(classId, false, false, false, List.of());
    }

    /** @return whether the caller teaches the class or directs its school */
    public boolean isStaff() {
        return teacher || director;
    }

    /** @return whether the caller is the parent of at least one pupil of the class */
    public boolean isParent() {
        return !childIds.isEmpty();
    }

    /** @return whether the caller may see the class at all */
    public boolean isMember() {
        return isStaff() || pupil || isParent();
    }
}
