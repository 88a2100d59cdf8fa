package org.cartable.directoryimport.internal.format;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import org.cartable.directoryimport.internal.format.Values.Invalid;

/**
 * A schools' teaching-staff file ({@code enseignants.csv}): one line per teacher and class, ';' ',' or tab separated,
 * UTF-8 or Windows-1252 (detected, as the registry's extracts). Columns (headers matched without accents or case):
 * {@code UAI école}, {@code Classe} (empty: a teacher without class), {@code Nom}, {@code Prénom}, optional
 * {@code Courriel}, {@code Direction} (Oui/Non, empty = no) and {@code Identifiant}. The school and its classes of the
 * year must already be in the directory (the pupils' import creates them).
 */
public final class StaffFormat implements ImportFormat {

    public static final String ID = "staff";
    public static final String TEACHERS = "teachers";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<String> fileNames() {
        return List.of(TEACHERS);
    }

    @Override
    public int requiredFiles() {
        return 1;
    }

    @Override
    public void read(ImportFiles files, FormatOptions options, RecordSink sink) throws IOException {
        try (Csv csv = Csv.open(TEACHERS, files.require(TEACHERS, "The staff import needs the teachers file."))) {
            int uai = csv.required("UAI école", "UAI", "Code UAI", "Identifiant école");
            int className = csv.required("Classe", "Libellé classe");
            int last = csv.required("Nom", "Nom enseignant", "Nom d'usage");
            int first = csv.required("Prénom", "Prénom enseignant");
            int email = csv.column("Courriel", "Email", "E-mail", "Adresse mail", "Mél");
            int director = csv.column("Direction", "Directeur", "Directrice", "Directeur d'école");
            int id = csv.column("Identifiant", "Identifiant enseignant", "Id");
            for (Csv.Row row : csv) {
                sink.lineRead();
                try {
                    String school = Values.uai(row.get(uai));
                    String lastName = Values.name(row.get(last), "last name");
                    String firstName = Values.name(row.get(first), "first name");
                    String mail = blankToNull(row.get(email));
                    if (mail != null && !mail.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
                        throw new Invalid("invalid e-mail address '" + mail + "'");
                    }
                    if (mail != null && mail.length() > 200) {
                        throw new Invalid("e-mail address too long");
                    }
                    String theClass = blankToNull(row.get(className));
                    if (theClass != null && theClass.length() > 100) {
                        throw new Invalid("class name too long");
                    }
                    String key = blankToNull(row.get(id));
                    if (key == null) {
                        key = mail != null ? mail.toLowerCase(Locale.ROOT)
                                : school + "|" + Csv.key(lastName) + "|" + Csv.key(firstName);
                    }
                    boolean directs = !blank(row.get(director)) && Values.yes(row.get(director));
                    sink.teacher(new TeacherRecord(row.line(), school, theClass, key, firstName, lastName, mail,
                            directs));
                } catch (Invalid e) {
                    sink.reject(row.line(), e.getMessage());
                }
            }
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String blankToNull(String value) {
        return blank(value) ? null : value.trim();
    }
}
