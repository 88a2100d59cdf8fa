package org.cartable.directoryimport.internal.format;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.cartable.api.Grade;
import org.cartable.directoryimport.internal.format.Values.Invalid;

/**
 * IMS OneRoster 1.1 CSV (bulk): orgs, classes, enrollments and users are read in that order, each streamed; only the
 * small maps that join them are kept (school orgs, classes, each student's class). A school is an org whose
 * {@code identifier} is its UAI. Class grades ({@code grades} of classes.csv, else of the student) are "CP"…"CM2"
 * or the US grades "01"…"05" (1st grade = CP). Parents are users with role parent or guardian, linked to their
 * children by {@code agentSourcedIds} (on the parent's row, or on the child's). Rows with status "tobedeleted" are
 * skipped, so their pupils count as gone.
 */
public final class OneRosterFormat implements ImportFormat {

    public static final String ID = "oneroster";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<String> fileNames() {
        return List.of("orgs", "classes", "enrollments", "users", "manifest", "academicSessions");
    }

    @Override
    public int requiredFiles() {
        return 4;
    }

    private record School(String uai, String name) {
    }

    private record ClassInfo(String schoolId, String title, Set<Grade> grades) {
    }

    @Override
    public void read(ImportFiles files, FormatOptions options, RecordSink sink) throws IOException {
        Map<String, School> schools = new HashMap<>();
        try (Csv csv = Csv.open("orgs", required(files, "orgs"))) {
            int id = csv.required("sourcedId");
            int type = csv.column("type");
            int name = csv.required("name");
            int identifier = csv.required("identifier");
            int status = csv.column("status");
            for (Csv.Row row : csv) {
                sink.lineRead();
                if (deleted(row, status)) {
                    continue;
                }
                String kind = row.get(type);
                if (kind != null && !kind.equalsIgnoreCase("school")) {
                    continue; // districts and departments organise schools; they are no school
                }
                try {
                    schools.put(Values.required(row.get(id), "sourcedId"),
                            new School(Values.uai(row.get(identifier)), row.get(name)));
                } catch (Invalid e) {
                    sink.reject(row.line(), e.getMessage());
                }
            }
        }
        Map<String, ClassInfo> classes = new HashMap<>();
        try (Csv csv = Csv.open("classes", required(files, "classes"))) {
            int id = csv.required("sourcedId");
            int title = csv.required("title");
            int grades = csv.column("grades");
            int school = csv.required("schoolSourcedId");
            int status = csv.column("status");
            for (Csv.Row row : csv) {
                sink.lineRead();
                if (deleted(row, status)) {
                    continue;
                }
                try {
                    String schoolId = Values.required(row.get(school), "schoolSourcedId");
                    if (!schools.containsKey(schoolId)) {
                        throw new Invalid("unknown school org '" + schoolId + "'");
                    }
                    classes.put(Values.required(row.get(id), "sourcedId"),
                            new ClassInfo(schoolId, Values.required(row.get(title), "title"),
                                    row.get(grades) == null ? Set.of() : Values.grades(row.get(grades))));
                } catch (Invalid e) {
                    sink.reject(row.line(), e.getMessage());
                }
            }
        }
        Map<String, String> studentClass = new HashMap<>();
        try (Csv csv = Csv.open("enrollments", required(files, "enrollments"))) {
            int classId = csv.required("classSourcedId");
            int user = csv.required("userSourcedId");
            int role = csv.required("role");
            int status = csv.column("status");
            for (Csv.Row row : csv) {
                sink.lineRead();
                if (deleted(row, status) || !"student".equalsIgnoreCase(row.get(role))) {
                    continue; // teachers' enrolments are not imported
                }
                try {
                    String c = Values.required(row.get(classId), "classSourcedId");
                    if (!classes.containsKey(c)) {
                        throw new Invalid("unknown class '" + c + "'");
                    }
                    String previous = studentClass.putIfAbsent(Values.required(row.get(user), "userSourcedId"), c);
                    if (previous != null && !previous.equals(c)) {
                        throw new Invalid("student already enrolled in class '" + previous + "'");
                    }
                } catch (Invalid e) {
                    sink.reject(row.line(), e.getMessage());
                }
            }
        }
        List<GuardianRecord> guardians = new ArrayList<>();
        Map<String, Set<String>> childrenOfAgent = new HashMap<>();
        try (Csv csv = Csv.open("users", required(files, "users"))) {
            int id = csv.required("sourcedId");
            int role = csv.required("role");
            int given = csv.required("givenName");
            int family = csv.required("familyName");
            int email = csv.column("email");
            int phone = csv.column("phone", "sms");
            int agents = csv.column("agentSourcedIds");
            int userGrades = csv.column("grades");
            int status = csv.column("status");
            int enabled = csv.column("enabledUser");
            for (Csv.Row row : csv) {
                sink.lineRead();
                if (deleted(row, status) || "false".equalsIgnoreCase(row.get(enabled))) {
                    continue;
                }
                String kind = row.get(role) == null ? "" : row.get(role).toLowerCase(java.util.Locale.ROOT);
                try {
                    String userId = Values.required(row.get(id), "sourcedId");
                    String first = Values.name(row.get(given), "givenName");
                    String last = Values.name(row.get(family), "familyName");
                    List<String> agentIds = split(row.get(agents));
                    switch (kind) {
                        case "student" -> {
                            String classId = studentClass.get(userId);
                            if (classId == null) {
                                throw new Invalid("student enrolled in no class");
                            }
                            ClassInfo c = classes.get(classId);
                            Set<Grade> grades = c.grades();
                            if (grades.isEmpty()) {
                                grades = Values.grades(row.get(userGrades));
                            }
                            School school = schools.get(c.schoolId());
                            sink.pupil(new PupilRecord(row.line(), school.uai(), school.name(), c.title(), grades,
                                    userId, first, last, null));
                            for (String agent : agentIds) {
                                childrenOfAgent.computeIfAbsent(agent, a -> new LinkedHashSet<>()).add(userId);
                            }
                        }
                        case "parent", "guardian", "relative" -> guardians.add(new GuardianRecord(row.line(), userId,
                                first, last, "GUARDIAN", row.get(email),
                                row.get(phone), agentIds));
                        default -> {
                            // teachers and administrators are not imported by this tool
                        }
                    }
                } catch (Invalid e) {
                    sink.reject(row.line(), e.getMessage());
                }
            }
        }
        for (GuardianRecord g : guardians) {
            Set<String> children = new LinkedHashSet<>(g.pupilIds());
            children.addAll(childrenOfAgent.getOrDefault(g.externalId(), Set.of()));
            if (children.isEmpty()) {
                sink.reject(g.line(), "parent linked to no student (agentSourcedIds)");
                continue;
            }
            sink.guardian(new GuardianRecord(g.line(), g.externalId(), g.firstName(), g.lastName(),
                    g.relationship(), g.email(), g.phone(), List.copyOf(children)));
        }
    }

    private static InputStream required(ImportFiles files, String name) throws IOException {
        return files.require(name, "The OneRoster export has no " + name + ".csv.");
    }

    private static boolean deleted(Csv.Row row, int status) {
        return "tobedeleted".equalsIgnoreCase(row.get(status));
    }

    private static List<String> split(String ids) {
        if (ids == null) {
            return List.of();
        }
        return Arrays.stream(ids.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
