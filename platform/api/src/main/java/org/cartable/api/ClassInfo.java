package org.cartable.api;

import java.io.Serializable;
import java.util.List;

/**
 * A class of a school for one school year.
 *
 * @param id         non-guessable class id
 * @param name       class name ("CM1 A")
 * @param schoolId   id of its school
 * @param schoolName name of its school
 * @param schoolYear school year, e.g. "2026-2027"
 * @param grades     grade levels taught in the class (several for a multi-level class)
 */
public record ClassInfo(String id, String name, String schoolId, String schoolName, String schoolYear,
                        List<Grade> grades) implements Serializable {

    public ClassInfo {
        grades = List.copyOf(grades);
    }
}
