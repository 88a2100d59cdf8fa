package org.cartable.api;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** Read-only view of the school directory for apps. */
@ProviderType
public interface Directory {

    /** @return the class, if it exists */
    Optional<ClassInfo> findClass(String classId);

    /** @return the person, if the account exists */
    Optional<PersonSummary> person(String personId);

    /** @return how the caller relates to the class (never null; {@link ClassRelation#none} if unrelated) */
    ClassRelation relation(Caller caller, String classId);

    /** @return pupils currently enrolled in the class, by name */
    List<PersonSummary> pupils(String classId);

    /** @return teachers of the class, by name */
    List<PersonSummary> teachers(String classId);

    /** @return every parent account linked to the pupil */
    List<PersonSummary> parentsOf(String pupilId);

    /** @return the parent's children with their current class, whatever their schools */
    List<ChildInfo> childrenOf(String parentId);

    /**
     * @return the classes the caller works or learns in: taught, attended now, or of the school they direct (a
     *         parent's children's classes come with {@link #childrenOf})
     */
    List<ClassInfo> classesOf(Caller caller);
}
