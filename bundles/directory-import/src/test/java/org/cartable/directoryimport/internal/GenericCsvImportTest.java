package org.cartable.directoryimport.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.cartable.api.CartableException;
import org.cartable.directoryimport.internal.job.JobView.Summary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Any CSV, with a mapping from fields to its headers. */
class GenericCsvImportTest {

    static final Map<String, String> MAPPING = Map.ofEntries(Map.entry("uai", "Ecole"),
            Map.entry("className", "Classe"), Map.entry("grade", "Niveau"), Map.entry("pupilId", "Id"),
            Map.entry("pupilLastName", "Nom"), Map.entry("pupilFirstName", "Prenom"),
            Map.entry("birthDate", "Naissance"), Map.entry("guardianLastName", "Parent nom"),
            Map.entry("guardianFirstName", "Parent prenom"), Map.entry("guardianRelationship", "Parent lien"),
            Map.entry("guardianEmail", "Parent mail"), Map.entry("guardianPhone", "Parent tel"));

    private final TestImports t = new TestImports();

    @AfterEach
    void close() {
        t.close();
    }

    @Test
    void importsWithTheMappingAndRejectsBadLines() {
        String job = t.job("csv", t.collectivityId, MAPPING, Map.of("data", "csv/generic.csv"));
        Summary s = t.imports.start(t.operator, job, false).summary();
        assertEquals(2, s.pupilsCreated(), s::toString);
        assertEquals(2, s.guardiansCreated(), s::toString);
        assertEquals(2, s.rejectedLines(), t.rejected(job));
        assertTrue(t.rejected(job).contains("data;5;unknown grade '6E'"), t.rejected(job));
        assertTrue(t.rejected(job).contains("data;6;missing UAI"), t.rejected(job));

        Summary again = t.imports.start(t.operator, t.job("csv", t.collectivityId, MAPPING,
                Map.of("data", "csv/generic.csv")), false).summary();
        assertEquals(0, again.pupilsCreated() + again.guardiansCreated() + again.linksCreated(), again::toString);
    }

    @Test
    void anIncompleteMappingIsRefused() {
        CartableException e = assertThrows(CartableException.class, () -> t.imports.create(t.operator, "csv", null,
                null, Map.of("uai", "Ecole")));
        assertTrue(e.getMessage().contains("className"), e.getMessage());
        assertThrows(CartableException.class, () -> t.imports.create(t.operator, "csv", null, null,
                Map.of("colour", "x")));
    }

    @Test
    void aMappedColumnMissingFromTheFileFailsTheJob() {
        Map<String, String> wrong = new java.util.HashMap<>(MAPPING);
        wrong.put("grade", "Level");
        String job = t.job("csv", t.collectivityId, wrong, Map.of("data", "csv/generic.csv"));
        var failed = t.imports.start(t.operator, job, false);
        assertTrue(failed.error().contains("'Level'"), failed::toString);
    }
}
