package org.cartable.directoryimport.internal.format;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.cartable.api.Grade;
import org.cartable.directoryimport.internal.format.Values.Invalid;

/**
 * The French primary-school registry (ONDE) as directors export it: two ';'-separated extracts, pupils and guardians,
 * usually in Windows-1252. Pupils carry no id in the extracts: a pupil is known by last name, first name and birth
 * date (normalised), which is also how the guardians file names the child. The columns are listed in the README.
 */
public final class OndeFormat implements ImportFormat {

    public static final String ID = "onde";
    public static final String PUPILS = "pupils";
    public static final String GUARDIANS = "guardians";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<String> fileNames() {
        return List.of(PUPILS, GUARDIANS);
    }

    @Override
    public int requiredFiles() {
        return 1;
    }

    @Override
    public void read(ImportFiles files, FormatOptions options, RecordSink sink) throws IOException {
        try (Csv csv = Csv.open(PUPILS,
                files.require(PUPILS, "The registry import needs the pupils extract."))) {
            readPupils(csv, sink);
        }
        Optional<InputStream> guardians = files.open(GUARDIANS);
        if (guardians.isPresent()) {
            try (Csv csv = Csv.open(GUARDIANS, guardians.get())) {
                readGuardians(csv, sink);
            }
        }
    }

    private static void readPupils(Csv csv, RecordSink sink) {
        int last = csv.required("Nom élève", "Nom d'usage élève", "Nom de famille élève", "Nom");
        int first = csv.required("Prénom élève", "Prénom");
        int birth = csv.required("Date naissance", "Date de naissance");
        int level = csv.required("Niveau");
        int className = csv.required("Classe", "Libellé classe");
        int uai = csv.required("UAI école", "UAI", "Code UAI", "Identifiant école");
        int schoolName = csv.column("Nom école", "École", "Ecole");
        for (Csv.Row row : csv) {
            sink.lineRead();
            try {
                String lastName = Values.name(row.get(last), "last name");
                String firstName = Values.name(row.get(first), "first name");
                LocalDate birthDate = Values.date(row.get(birth), "birth date");
                Grade grade = Values.grade(row.get(level));
                sink.pupil(new PupilRecord(row.line(), Values.uai(row.get(uai)), row.get(schoolName),
                        Values.required(row.get(className), "class"), Set.of(grade),
                        Values.pupilKey(lastName, firstName, birthDate), firstName, lastName, birthDate));
            } catch (Invalid e) {
                sink.reject(row.line(), e.getMessage());
            }
        }
    }

    private static void readGuardians(Csv csv, RecordSink sink) {
        int pupilLast = csv.required("Nom élève", "Nom d'usage élève", "Nom de famille élève");
        int pupilFirst = csv.required("Prénom élève");
        int birth = csv.required("Date naissance", "Date de naissance");
        int last = csv.required("Nom responsable", "Nom représentant légal", "Nom du responsable");
        int first = csv.required("Prénom responsable", "Prénom représentant légal", "Prénom du responsable");
        int link = csv.column("Lien de parenté", "Lien parenté", "Lien");
        int authority = csv.column("Autorité parentale");
        int email = csv.column("Courriel", "Email", "Adresse mail", "Mél");
        int phone = csv.column("Téléphone", "Téléphone portable", "Tél portable", "Téléphone domicile");
        for (Csv.Row row : csv) {
            sink.lineRead();
            try {
                String child = Values.pupilKey(Values.required(row.get(pupilLast), "pupil's last name"),
                        Values.required(row.get(pupilFirst), "pupil's first name"),
                        Values.date(row.get(birth), "birth date"));
                String lastName = Values.name(row.get(last), "guardian's last name");
                String firstName = Values.name(row.get(first), "guardian's first name");
                if (!Values.yes(row.get(authority))) {
                    throw new Invalid("no parental authority: no account is created for this person");
                }
                sink.guardian(new GuardianRecord(row.line(), null, firstName, lastName,
                        Values.relationship(row.get(link)), row.get(email), row.get(phone), List.of(child)));
            } catch (Invalid e) {
                sink.reject(row.line(), e.getMessage());
            }
        }
    }
}
