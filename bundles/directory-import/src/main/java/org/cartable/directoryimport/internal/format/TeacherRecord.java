package org.cartable.directoryimport.internal.format;

/**
 * A line of a staff file: a teacher in one of a school's classes (or without class, e.g. a full-time director).
 *
 * @param personKey the teacher's id in the staff source: the file's id column, else the normalised e-mail, else the
 *                  school and the normalised names (a teacher in two schools then needs an id or an e-mail to be one
 *                  account)
 * @param className null for a line without class
 * @param email     null if not given
 */
public record TeacherRecord(LineRef line, String uai, String className, String personKey, String firstName,
                            String lastName, String email, boolean director) {
}
