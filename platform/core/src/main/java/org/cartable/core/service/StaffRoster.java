package org.cartable.core.service;

import java.util.List;
import java.util.Objects;

/**
 * One school's teaching staff for one school year, as a staff file lists it: who teaches which of the school's
 * classes, and who directs the school. {@link StaffAdmin#importStaff} makes the directory match it.
 *
 * @param source     the system the ids come from ("staff"): external ids are unique per source
 * @param uai        the school's national id (the school must exist)
 * @param schoolYear "2026-2027": the classes are that year's
 * @param teachers   every teacher of the school the source knows; teachers this source imported before and missing
 *                   here lose their classes (and directorship) in this school for that year, never their account
 */
public record StaffRoster(String source, String uai, String schoolYear, List<RosterTeacher> teachers) {

    public StaffRoster {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(uai, "uai");
        Objects.requireNonNull(schoolYear, "schoolYear");
        teachers = List.copyOf(teachers);
    }

    /**
     * A teacher of the school.
     *
     * @param externalId stable id of the person in the source (e.g. the normalised e-mail)
     * @param email      null if unknown; becomes the account's notification address
     * @param classNames names of the school's classes of that year they teach (may be empty: a director without class)
     * @param director   whether they direct the school
     */
    public record RosterTeacher(String externalId, String firstName, String lastName, String email,
                                List<String> classNames, boolean director) {
        public RosterTeacher {
            Objects.requireNonNull(externalId, "externalId");
            Objects.requireNonNull(firstName, "firstName");
            Objects.requireNonNull(lastName, "lastName");
            classNames = List.copyOf(classNames);
        }
    }
}
