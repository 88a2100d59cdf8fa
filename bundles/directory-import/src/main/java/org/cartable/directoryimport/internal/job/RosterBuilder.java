package org.cartable.directoryimport.internal.job;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.cartable.api.Grade;
import org.cartable.core.service.SchoolRoster;
import org.cartable.core.service.SchoolRoster.RosterClass;
import org.cartable.core.service.SchoolRoster.RosterGuardian;
import org.cartable.core.service.SchoolRoster.RosterPupil;
import org.cartable.directoryimport.internal.format.Csv;
import org.cartable.directoryimport.internal.format.GuardianRecord;
import org.cartable.directoryimport.internal.format.LineRef;
import org.cartable.directoryimport.internal.format.PupilRecord;
import org.cartable.directoryimport.internal.format.RecordSink;

/**
 * Groups the records a format streams into one roster per school. It keeps compact records only (no file content);
 * guardians are resolved to their children's school once every pupil is known, so the files may come in any order.
 */
public final class RosterBuilder implements RecordSink {

    private final String source;
    private final String schoolYear;
    private final RecordSink report;
    private final Map<String, School> schools = new TreeMap<>();
    /** pupil external id → school UAI */
    private final Map<String, String> pupilSchool = new HashMap<>();
    private final List<GuardianRecord> guardians = new ArrayList<>();

    /**
     * @param report receives the rejected lines and the progress ticks
     */
    public RosterBuilder(String source, String schoolYear, RecordSink report) {
        this.source = source;
        this.schoolYear = schoolYear;
        this.report = report;
    }

    /** A school's roster with the lines it was read from. */
    public record SchoolBatch(SchoolRoster roster, List<LineRef> lines) {
    }

    private static final class School {
        String name;
        final Map<String, Set<Grade>> classes = new LinkedHashMap<>();
        final Map<String, PupilRecord> pupils = new LinkedHashMap<>();
        final Map<String, GuardianDraft> guardians = new LinkedHashMap<>();
        final List<LineRef> lines = new ArrayList<>();
    }

    private static final class GuardianDraft {
        final GuardianRecord first;
        final Set<String> pupils = new LinkedHashSet<>();

        GuardianDraft(GuardianRecord first) {
            this.first = first;
        }
    }

    @Override
    public void pupil(PupilRecord pupil) {
        String known = pupilSchool.get(pupil.externalId());
        if (known != null) {
            reject(pupil.line(), "pupil listed twice (" + pupil.lastName() + " " + pupil.firstName()
                    + (known.equals(pupil.uai()) ? "" : ", also in school " + known) + ")");
            return;
        }
        School school = schools.computeIfAbsent(pupil.uai(), uai -> new School());
        if (school.name == null) {
            school.name = pupil.schoolName();
        }
        school.classes.computeIfAbsent(pupil.className(), c -> EnumSet.noneOf(Grade.class)).addAll(pupil.grades());
        school.pupils.put(pupil.externalId(), pupil);
        school.lines.add(pupil.line());
        pupilSchool.put(pupil.externalId(), pupil.uai());
    }

    @Override
    public void guardian(GuardianRecord guardian) {
        guardians.add(guardian);
    }

    @Override
    public void reject(LineRef line, String reason) {
        report.reject(line, reason);
    }

    @Override
    public void lineRead() {
        report.lineRead();
    }

    /**
     * Hands out one batch per school, by UAI, and forgets each school once handed out, so that only one school's
     * roster exists beside the compact records of the others. Guardians of unknown pupils are rejected first.
     */
    public void forEachSchool(Consumer<SchoolBatch> action) {
        for (GuardianRecord g : guardians) {
            Map<String, List<String>> childrenBySchool = new LinkedHashMap<>();
            for (String pupilId : g.pupilIds()) {
                String uai = pupilSchool.get(pupilId);
                if (uai != null) {
                    childrenBySchool.computeIfAbsent(uai, u -> new ArrayList<>()).add(pupilId);
                }
            }
            if (childrenBySchool.isEmpty()) {
                reject(g.line(), "guardian of a pupil who is not in the pupils file (or was rejected)");
                continue;
            }
            for (Map.Entry<String, List<String>> entry : childrenBySchool.entrySet()) {
                School school = schools.get(entry.getKey());
                GuardianDraft draft = school.guardians.computeIfAbsent(key(g), k -> new GuardianDraft(g));
                draft.pupils.addAll(entry.getValue());
                school.lines.add(g.line());
            }
        }
        guardians.clear();
        pupilSchool.clear();
        Iterator<Map.Entry<String, School>> remaining = schools.entrySet().iterator();
        while (remaining.hasNext()) {
            Map.Entry<String, School> entry = remaining.next();
            School school = entry.getValue();
            remaining.remove();
            List<RosterClass> classes = school.classes.entrySet().stream()
                    .map(c -> new RosterClass(c.getKey(), c.getValue())).toList();
            List<RosterPupil> pupils = school.pupils.values().stream()
                    .map(p -> new RosterPupil(p.externalId(), p.firstName(), p.lastName(), p.birthDate(),
                            p.className())).toList();
            List<RosterGuardian> guardianList = school.guardians.values().stream()
                    .map(d -> new RosterGuardian(d.first.externalId(), d.first.firstName(), d.first.lastName(),
                            d.first.relationship(), d.first.email(), d.first.phone(), List.copyOf(d.pupils)))
                    .toList();
            action.accept(new SchoolBatch(new SchoolRoster(source, entry.getKey(), school.name, schoolYear, classes,
                    pupils, guardianList), school.lines));
        }
    }

    /** The same adult on several lines of a school (one line per child in the registry) is one guardian. */
    private static String key(GuardianRecord g) {
        if (g.externalId() != null) {
            return "id:" + g.externalId();
        }
        return Csv.key(g.lastName()) + "|" + Csv.key(g.firstName()) + "|"
                + (g.email() == null ? "" : g.email().trim().toLowerCase(Locale.ROOT)) + "|"
                + (g.phone() == null ? "" : g.phone().replaceAll("\\D", ""));
    }
}
