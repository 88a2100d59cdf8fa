package org.cartable.core.service;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.cartable.api.Grade;

/**
 * One school's directory as an external source (a registry extract, a OneRoster export...) sees it for one school
 * year: its classes, its pupils and their guardians. {@link DirectoryAdmin#importSchool} makes the directory match it.
 *
 * @param source     the system the ids come from ("onde", "oneroster", "csv"): external ids are unique per source
 * @param uai        the school's national id
 * @param schoolName the school's name when the source gives it (used to create an unknown school), else null
 * @param schoolYear "2026-2027"
 * @param classes    the school's classes that year
 * @param pupils     every pupil of the school that year; pupils of the school missing here are pre-deleted
 * @param guardians  the pupils' guardians (parents or legal guardians holding parental authority)
 */
public record SchoolRoster(String source, String uai, String schoolName, String schoolYear,
                           List<RosterClass> classes, List<RosterPupil> pupils, List<RosterGuardian> guardians) {

    public SchoolRoster {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(uai, "uai");
        Objects.requireNonNull(schoolYear, "schoolYear");
        classes = List.copyOf(classes);
        pupils = List.copyOf(pupils);
        guardians = List.copyOf(guardians);
    }

    /**
     * A class, matched to the directory by its name within the school and year.
     *
     * @param name   "CM1 A"
     * @param grades the levels taught in it
     */
    public record RosterClass(String name, Set<Grade> grades) {
        public RosterClass {
            Objects.requireNonNull(name, "name");
            grades = Set.copyOf(grades);
        }
    }

    /**
     * A pupil.
     *
     * @param externalId stable id in the source (for registry extracts without ids: name and birth date)
     * @param className  name of one of the roster's classes
     * @param birthDate  null when the source does not give it
     */
    public record RosterPupil(String externalId, String firstName, String lastName, LocalDate birthDate,
                              String className) {
        public RosterPupil {
            Objects.requireNonNull(externalId, "externalId");
            Objects.requireNonNull(firstName, "firstName");
            Objects.requireNonNull(lastName, "lastName");
            Objects.requireNonNull(className, "className");
        }
    }

    /**
     * A guardian of one or more of the roster's pupils.
     *
     * @param externalId   id in the source, or null when it has none (matching then uses the contact data)
     * @param relationship MOTHER, FATHER or GUARDIAN
     * @param email        null if unknown
     * @param phone        null if unknown
     * @param pupilIds     external ids of their children in this roster
     */
    public record RosterGuardian(String externalId, String firstName, String lastName, String relationship,
                                 String email, String phone, List<String> pupilIds) {
        public RosterGuardian {
            Objects.requireNonNull(firstName, "firstName");
            Objects.requireNonNull(lastName, "lastName");
            Objects.requireNonNull(relationship, "relationship");
            pupilIds = List.copyOf(pupilIds);
        }
    }
}
