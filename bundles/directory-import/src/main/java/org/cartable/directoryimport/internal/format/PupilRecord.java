package org.cartable.directoryimport.internal.format;

import java.time.LocalDate;
import java.util.Set;

import org.cartable.api.Grade;

/**
 * One pupil as a format read it.
 *
 * @param line       where it was read, for the report
 * @param uai        the school
 * @param schoolName the school's name when the file gives it, else null
 * @param className  the class's name in the school
 * @param grades     the pupil's grade (registry) or the class's grades (OneRoster)
 * @param externalId stable id of the pupil in the source
 * @param birthDate  null if the source does not give it
 */
public record PupilRecord(LineRef line, String uai, String schoolName, String className, Set<Grade> grades,
                          String externalId, String firstName, String lastName, LocalDate birthDate) {
}
