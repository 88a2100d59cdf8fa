package org.cartable.directoryimport.internal.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.cartable.api.Grade;
import org.junit.jupiter.api.Test;

/** Encoding, separator and header detection, and the shared value rules. */
class CsvTest {

    private static List<String> firstNames(byte[] bytes) throws IOException {
        try (Csv csv = Csv.open("pupils", new ByteArrayInputStream(bytes))) {
            int first = csv.required("Prénom élève");
            List<String> names = new ArrayList<>();
            for (Csv.Row row : csv) {
                names.add(row.get(first));
            }
            return names;
        }
    }

    @Test
    void latin1Utf8AndUtf8WithBomReadTheSame() throws IOException {
        String text = "NOM ÉLÈVE;PRENOM ELEVE\r\nDurand;Zoé\r\nLefèvre;\"Anaïs; dite Ana\"\r\n";
        List<String> expected = List.of("Zoé", "Anaïs; dite Ana");
        assertEquals(expected, firstNames(text.getBytes(Charset.forName("windows-1252"))));
        assertEquals(expected, firstNames(text.getBytes(StandardCharsets.UTF_8)));
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        byte[] bom = new byte[utf8.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(utf8, 0, bom, 3, utf8.length);
        assertEquals(expected, firstNames(bom));
    }

    @Test
    void separatorsAreGuessedFromTheHeader() throws IOException {
        assertEquals(List.of("Zoé"), firstNames("Nom élève,Prénom élève\nDurand,Zoé\n"
                .getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of("Zoé"), firstNames("Nom élève\tPrénom élève\nDurand\tZoé\n"
                .getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aMissingColumnIsNamed() {
        var e = assertThrows(org.cartable.api.CartableException.class,
                () -> firstNames("Nom;Prenom enfant\nA;B\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals("The file 'pupils' has no column 'Prénom élève' (columns found: Nom, Prenom enfant).",
                e.getMessage());
    }

    @Test
    void values() throws Values.Invalid {
        assertEquals(Grade.CE1, Values.grade("c.e.1"));
        assertEquals(Grade.CM2, Values.grade("05"));
        assertEquals(Set.of(Grade.CM1, Grade.CM2), Values.grades("04,05"));
        assertThrows(Values.Invalid.class, () -> Values.grade("GS"));
        assertEquals(LocalDate.of(2019, 3, 4), Values.date("04/03/2019", "birth date"));
        assertEquals(LocalDate.of(2019, 3, 4), Values.date("2019-03-04", "birth date"));
        assertThrows(Values.Invalid.class, () -> Values.date("31/02/2019", "birth date"));
        assertEquals("0451111A", Values.uai(" 0451111a "));
        assertThrows(Values.Invalid.class, () -> Values.uai("451111A"));
        assertEquals("Le Goff-Ménard D'Arc", Values.name("LE GOFF-MÉNARD D'ARC", "name"));
        assertEquals("McDonald", Values.name("McDonald", "name"));
        assertEquals("MOTHER", Values.relationship("Mère"));
        assertEquals("FATHER", Values.relationship("PERE"));
        assertEquals("GUARDIAN", Values.relationship("Tuteur"));
    }
}
