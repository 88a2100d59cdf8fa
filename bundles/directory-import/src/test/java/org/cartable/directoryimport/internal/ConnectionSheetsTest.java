package org.cartable.directoryimport.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.cartable.core.service.NewAccount;
import org.cartable.directoryimport.internal.sheets.ConnectionSheets;
import org.cartable.directoryimport.internal.sheets.Credential;
import org.junit.jupiter.api.Test;

class ConnectionSheetsTest {

    @Test
    void oneSlipPerAccountFourAPageANewPagePerClassAndTheyParseBack() throws IOException {
        List<Credential> credentials = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            credentials.add(new Credential("0451111A", new NewAccount("id" + i, "eleve" + i + ".durand",
                    "pass" + i + "word", "Élève" + i + " Durand", true, "CP A", null)));
        }
        credentials.add(new Credential("0451111A", new NewAccount("m", "claire.durand", "secretpass99",
                "Claire Durand", false, "CE1", "Zoé Durand")));
        credentials.add(new Credential("0451111A", new NewAccount("x", "lukasz.nowak", "abc",
                "Łukasz Nowak", true, "CE1", null)));
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        ConnectionSheets.write(credentials, Locale.FRENCH, "https://ent.example/app/", pdf);

        try (PDDocument document = Loader.loadPDF(pdf.toByteArray())) {
            assertEquals(3, document.getNumberOfPages(), "CE1: 1 page; CP A: 5 slips on 2 pages");
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains("Identifiant : eleve5.durand"), text);
            assertTrue(text.contains("Code de première connexion : pass5word"), text);
            assertTrue(text.contains("Responsable : Claire Durand (enfant : Zoé Durand)"), text);
            assertTrue(text.contains("Élève : Élève1 Durand"), text);
            assertTrue(text.contains("?ukasz Nowak"), "letters the standard font lacks are replaced: " + text);
            assertTrue(text.contains("https://ent.example/app/"), text);
        }
    }
}
