package org.cartable.directoryimport.internal.job;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * What an import job shows (REST and pages).
 *
 * @param dryRun      whether the last start was a dry run (nothing written)
 * @param files       uploaded file name → size in bytes
 * @param processed   progress: lines read plus lines applied
 * @param total       progress: twice the number of data lines (each is read, then applied)
 * @param summary     totals over the schools of the last start, null before
 * @param schools     one outcome per school of the last start
 * @param error       why the whole job failed, or null
 * @param credentials number of first-login credentials held for the connection sheets
 * @param createdAt   ISO-8601 instant
 */
public record JobView(String id, String format, String schoolYear, String collectivityId, JobState state,
                      boolean dryRun, Map<String, Long> files, long processed, long total, int percent,
                      Summary summary, List<SchoolOutcome> schools, String error, int credentials,
                      String createdAt) implements Serializable {

    /** Totals of a run, or of what a dry run would do. */
    public record Summary(int schools, int schoolsFailed, int schoolsCreated, int classesCreated, int pupilsCreated,
                          int pupilsMoved, int pupilsEnrolled, int guardiansCreated, int linksCreated,
                          int linksRemoved, int preDeleted, int unchanged, long rejectedLines,
                          StaffCounts staff)
            implements Serializable {
    }

    /** One school's outcome; {@code error} is set (and the counts are zero) when it was not imported. */
    public record SchoolOutcome(String uai, String schoolId, boolean schoolCreated, int classesCreated,
                                int pupilsCreated, int pupilsMoved, int pupilsEnrolled, int guardiansCreated,
                                int linksCreated, int linksRemoved, int preDeleted, int unchanged, String error,
                                StaffCounts staff)
            implements Serializable {
    }

    /**
     * What a staff import changed (null for the pupils' formats); the listed teachers who needed no change count in
     * {@code unchanged}.
     */
    public record StaffCounts(int teachersCreated, int assignmentsCreated, int assignmentsRemoved,
                              int directorsChanged) implements Serializable {

        public StaffCounts plus(StaffCounts other) {
            return other == null ? this : new StaffCounts(teachersCreated + other.teachersCreated,
                    assignmentsCreated + other.assignmentsCreated, assignmentsRemoved + other.assignmentsRemoved,
                    directorsChanged + other.directorsChanged);
        }
    }
}
