package org.cartable.directoryimport.internal.job;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;
import java.util.function.Predicate;

import org.cartable.api.CartableException;
import org.cartable.core.service.StaffAdmin;
import org.cartable.core.service.StaffImportResult;
import org.cartable.core.service.StaffRoster;
import org.cartable.core.service.StaffRoster.RosterTeacher;
import org.cartable.directoryimport.internal.format.GuardianRecord;
import org.cartable.directoryimport.internal.format.LineRef;
import org.cartable.directoryimport.internal.format.PupilRecord;
import org.cartable.directoryimport.internal.format.RecordSink;
import org.cartable.directoryimport.internal.format.TeacherRecord;
import org.cartable.directoryimport.internal.job.JobView.SchoolOutcome;
import org.cartable.directoryimport.internal.job.JobView.StaffCounts;
import org.cartable.directoryimport.internal.sheets.Credential;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The staff import's part of a job: the teachers' lines, kept in memory grouped by school (a department's staff file
 * is a few thousand lines), then one {@link StaffAdmin#importStaff} per school, each in its own transaction. A line
 * naming an unknown class rejects the school's lines and writes nothing for it; the other schools are applied.
 */
final class StaffImport {

    private static final Logger LOG = LoggerFactory.getLogger(StaffImport.class);
    /** the external-id source of the staff files' teachers */
    static final String SOURCE = "staff";

    interface Rejects {
        void reject(LineRef line, String reason);
    }

    private final Map<String, List<TeacherRecord>> bySchool = new LinkedHashMap<>();

    /** @return the sink the staff format reads into */
    RecordSink sink(Rejects rejects, Runnable lineRead) {
        return new RecordSink() {
            @Override
            public void pupil(PupilRecord pupil) {
                throw new IllegalStateException("a staff file has no pupils");
            }

            @Override
            public void guardian(GuardianRecord guardian) {
                throw new IllegalStateException("a staff file has no guardians");
            }

            @Override
            public void teacher(TeacherRecord teacher) {
                bySchool.computeIfAbsent(teacher.uai(), k -> new ArrayList<>()).add(teacher);
            }

            @Override
            public void reject(LineRef line, String reason) {
                rejects.reject(line, reason);
            }

            @Override
            public void lineRead() {
                lineRead.run();
            }
        };
    }

    void apply(StaffAdmin admin, String schoolYear, boolean dryRun, Predicate<String> mayImport, String jobId,
               Rejects rejects, LongConsumer applied, List<SchoolOutcome> outcomes, List<Credential> accounts) {
        for (Map.Entry<String, List<TeacherRecord>> school : bySchool.entrySet()) {
            String uai = school.getKey();
            Map<String, List<TeacherRecord>> byTeacher = new LinkedHashMap<>();
            school.getValue().forEach(r -> byTeacher.computeIfAbsent(r.personKey(), k -> new ArrayList<>()).add(r));
            List<RosterTeacher> teachers = new ArrayList<>();
            List<List<TeacherRecord>> linesOf = new ArrayList<>();
            for (List<TeacherRecord> lines : byTeacher.values()) {
                TeacherRecord first = lines.get(0);
                Set<String> classes = new LinkedHashSet<>();
                boolean director = false;
                for (TeacherRecord line : lines) {
                    if (line.className() != null) {
                        classes.add(line.className());
                    }
                    director |= line.director();
                }
                teachers.add(new RosterTeacher(first.personKey(), first.firstName(), first.lastName(),
                        first.email(), List.copyOf(classes), director));
                linesOf.add(lines);
            }
            String failure = null;
            if (admin == null) {
                failure = "the staff import is not available";
            } else if (!mayImport.test(uai)) {
                failure = "you may not import into school " + uai;
            } else {
                try {
                    StaffImportResult result = admin.importStaff(new StaffRoster(SOURCE, uai, schoolYear, teachers),
                            dryRun);
                    if (result.errors().isEmpty()) {
                        outcomes.add(new SchoolOutcome(uai, result.schoolId(), false, 0, 0, 0, 0, 0, 0, 0, 0,
                                result.unchanged(), null, new StaffCounts(result.teachersCreated(),
                                result.assignmentsCreated(), result.assignmentsRemoved(),
                                result.directorsChanged())));
                        result.newAccounts().forEach(a -> accounts.add(new Credential(uai, a)));
                    } else {
                        for (int i = 0; i < linesOf.size(); i++) {
                            String reason = result.errors().get(i);
                            for (TeacherRecord line : linesOf.get(i)) {
                                rejects.reject(line.line(), reason != null
                                        && (line.className() == null || reason.contains("'" + line.className() + "'"))
                                        ? reason : "school " + uai + " not imported: errors on other lines");
                            }
                        }
                        outcomes.add(new SchoolOutcome(uai, result.schoolId(), false, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                                result.errors().size() + " teacher(s) with an unknown class: nothing imported",
                                null));
                        applied.accept(school.getValue().size());
                        continue;
                    }
                } catch (CartableException refused) {
                    failure = refused.getMessage();
                } catch (RuntimeException e) {
                    String ref = "import-" + jobId + "-" + uai;
                    LOG.error("Staff import of school {} failed ({})", uai, ref, e);
                    failure = "internal error, nothing imported for this school (log reference " + ref + ")";
                }
            }
            if (failure != null) {
                outcomes.add(new SchoolOutcome(uai, null, false, 0, 0, 0, 0, 0, 0, 0, 0, 0, failure, null));
                for (TeacherRecord line : school.getValue()) {
                    rejects.reject(line.line(), "school " + uai + " not imported: " + failure);
                }
            }
            applied.accept(school.getValue().size());
        }
    }
}
