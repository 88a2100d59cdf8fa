package org.cartable.api;

import java.io.Serializable;

/**
 * A parent's child and the class they are enrolled in for the current school year.
 *
 * @param child        the pupil
 * @param currentClass the class of the current school year, or {@code null} if not enrolled this year
 */
public record ChildInfo(PersonSummary child, ClassInfo currentClass) implements Serializable {
}
