package org.cartable.directoryimport.internal.format;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.cartable.api.CartableException;
import org.cartable.directoryimport.internal.format.Values.Invalid;

/**
 * Any CSV with one line per pupil (or per pupil and guardian: a pupil's lines are merged), with a mapping that names
 * the header of each field. Required fields: uai, className, grade, pupilLastName, pupilFirstName, and pupilId or
 * birthDate; the guardian's fields are optional (a line without guardianLastName has no guardian).
 */
public final class GenericCsvFormat implements ImportFormat {

    public static final String ID = "csv";
    public static final String DATA = "data";

    /** Mapping keys, with whether they are required. */
    static final Map<String, Boolean> FIELDS = fields();

    private static Map<String, Boolean> fields() {
        Map<String, Boolean> fields = new LinkedHashMap<>();
        fields.put("uai", true);
        fields.put("schoolName", false);
        fields.put("className", true);
        fields.put("grade", true);
        fields.put("pupilId", false);
        fields.put("pupilLastName", true);
        fields.put("pupilFirstName", true);
        fields.put("birthDate", false);
        fields.put("guardianId", false);
        fields.put("guardianLastName", false);
        fields.put("guardianFirstName", false);
        fields.put("guardianRelationship", false);
        fields.put("guardianEmail", false);
        fields.put("guardianPhone", false);
        return fields;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<String> fileNames() {
        return List.of(DATA);
    }

    @Override
    public int requiredFiles() {
        return 1;
    }

    static void check(Map<String, String> mapping) {
        List<String> unknown = new ArrayList<>(mapping.keySet());
        unknown.removeAll(FIELDS.keySet());
        if (!unknown.isEmpty()) {
            throw CartableException.badRequest("Unknown mapping fields " + unknown + ": " + FIELDS.keySet() + ".");
        }
        List<String> missing = FIELDS.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey)
                .filter(k -> mapping.get(k) == null || mapping.get(k).isBlank()).toList();
        if (!missing.isEmpty()) {
            throw CartableException.badRequest("The column mapping needs " + String.join(", ", missing) + ".");
        }
        if (blank(mapping.get("pupilId")) && blank(mapping.get("birthDate"))) {
            throw CartableException.badRequest("The column mapping needs pupilId or birthDate to tell pupils apart.");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    @Override
    public void read(ImportFiles files, FormatOptions options, RecordSink sink) throws IOException {
        Map<String, String> mapping = options.mapping();
        check(mapping);
        try (Csv csv = Csv.open(DATA, files.require(DATA, "Upload the CSV file first."))) {
            Map<String, Integer> col = new LinkedHashMap<>();
            for (String field : FIELDS.keySet()) {
                String header = mapping.get(field);
                col.put(field, blank(header) ? -1 : csv.required(header));
            }
            Set<String> seenPupils = new java.util.HashSet<>();
            for (Csv.Row row : csv) {
                sink.lineRead();
                try {
                    String last = Values.name(row.get(col.get("pupilLastName")), "pupil's last name");
                    String first = Values.name(row.get(col.get("pupilFirstName")), "pupil's first name");
                    LocalDate birth = col.get("birthDate") < 0 ? null
                            : Values.date(row.get(col.get("birthDate")), "birth date");
                    String pupilId = col.get("pupilId") >= 0
                            ? Values.required(row.get(col.get("pupilId")), "pupil id")
                            : Values.pupilKey(last, first, birth);
                    if (seenPupils.add(pupilId)) {
                        sink.pupil(new PupilRecord(row.line(), Values.uai(row.get(col.get("uai"))),
                                row.get(col.get("schoolName")),
                                Values.required(row.get(col.get("className")), "class"),
                                Set.of(Values.grade(row.get(col.get("grade")))), pupilId, first, last, birth));
                    }
                    String guardianLast = row.get(col.get("guardianLastName"));
                    if (guardianLast != null) {
                        sink.guardian(new GuardianRecord(row.line(), row.get(col.get("guardianId")),
                                Values.required(row.get(col.get("guardianFirstName")), "guardian's first name"),
                                guardianLast, Values.relationship(row.get(col.get("guardianRelationship"))),
                                row.get(col.get("guardianEmail")), row.get(col.get("guardianPhone")),
                                List.of(pupilId)));
                    }
                } catch (Invalid e) {
                    sink.reject(row.line(), e.getMessage());
                }
            }
        }
    }
}
