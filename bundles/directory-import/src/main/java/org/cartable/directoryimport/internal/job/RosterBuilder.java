package org.cartable.directoryimport.internal.job;

import java.nio.file.Path;
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
 * Groups the records a format streams into one roster per school, without holding the file's records in memory:
 * each pupil is spilled to its school's temporary file as it comes, guardians to a file of their own (they are routed
 * to their children's schools once every pupil is known, so the files may come in any order). What stays in memory
 * while reading is the index pupil external id → school (to route guardians and refuse duplicates: tens of bytes a
 * pupil) and the schools' names; then {@link #forEachSchool} reads back and hands out one school at a time.
 */
public final class RosterBuilder implements RecordSink, AutoCloseable {

    private static final String GUARDIANS = " guardians";

    private final String source;
    private final String schoolYear;
    private final RecordSink report;
    private final SpillFiles spill;
    /** UAI → school name (null when the file gives none), sorted: schools are imported in UAI order */
    private final TreeMap<String, String> schools = new TreeMap<>();
    /** pupil external id → school UAI (the map's own key instance, not one string per pupil) */
    private final Map<String, String> pupilSchool = new HashMap<>();

    /**
     * @param report   receives the rejected lines and the progress ticks
     * @param spillDir a folder of its own for the temporary files (emptied first, deleted by {@link #close})
     */
    public RosterBuilder(String source, String schoolYear, RecordSink report, Path spillDir) {
        this.source = source;
        this.schoolYear = schoolYear;
        this.report = report;
        this.spill = new SpillFiles(spillDir);
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
        if (!schools.containsKey(pupil.uai())) {
            schools.put(pupil.uai(), pupil.schoolName());
        } else if (schools.get(pupil.uai()) == null && pupil.schoolName() != null) {
            schools.put(pupil.uai(), pupil.schoolName());
        }
        String uai = schools.ceilingKey(pupil.uai()); // the map's instance: one string per school, not per pupil
        spill.add(uai, pupil);
        pupilSchool.put(pupil.externalId(), uai);
    }

    @Override
    public void guardian(GuardianRecord guardian) {
        spill.add(GUARDIANS, guardian);
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
     * Hands out one batch per school, by UAI; only the school being handed out is in memory. Guardians of unknown
     * pupils are rejected first.
     */
    public void forEachSchool(Consumer<SchoolBatch> action) {
        spill.drain(GUARDIANS, p -> {
            throw new IllegalStateException("no pupil among guardians");
        }, g -> {
            Map<String, List<String>> childrenBySchool = new LinkedHashMap<>();
            for (String pupilId : g.pupilIds()) {
                String uai = pupilSchool.get(pupilId);
                if (uai != null) {
                    childrenBySchool.computeIfAbsent(uai, u -> new ArrayList<>()).add(pupilId);
                }
            }
            if (childrenBySchool.isEmpty()) {
                reject(g.line(), "guardian of a pupil who is not in the pupils file (or was rejected)");
                return;
            }
            for (Map.Entry<String, List<String>> entry : childrenBySchool.entrySet()) {
                spill.add(entry.getKey(), new GuardianRecord(g.line(), g.externalId(), g.firstName(), g.lastName(),
                        g.relationship(), g.email(), g.phone(), entry.getValue()));
            }
        });
        pupilSchool.clear();
        Iterator<Map.Entry<String, String>> remaining = schools.entrySet().iterator();
        while (remaining.hasNext()) {
            Map.Entry<String, String> entry = remaining.next();
            School school = new School();
            school.name = entry.getValue();
            spill.drain(entry.getKey(), pupil -> {
                school.classes.computeIfAbsent(pupil.className(), c -> EnumSet.noneOf(Grade.class))
                        .addAll(pupil.grades());
                school.pupils.put(pupil.externalId(), pupil);
                school.lines.add(pupil.line());
            }, g -> {
                GuardianDraft draft = school.guardians.computeIfAbsent(key(g), k -> new GuardianDraft(g));
                draft.pupils.addAll(g.pupilIds());
                school.lines.add(g.line());
            });
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

    /** Deletes the temporary files. */
    @Override
    public void close() {
        spill.close();
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
