package org.cartable.billing.internal.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathFactory;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.text.PDFTextStripper;
import org.cartable.billing.internal.DocumentKind;
import org.cartable.billing.internal.DocumentStatus;
import org.cartable.billing.internal.Invoice;
import org.cartable.billing.internal.InvoiceLine;
import org.cartable.billing.internal.Issuer;
import org.cartable.billing.internal.Money;
import org.cartable.billing.internal.PriceList;
import org.cartable.billing.internal.Pricing;
import org.cartable.billing.internal.Recipient;
import org.cartable.billing.internal.Totals;
import org.junit.jupiter.api.Test;
import org.mustangproject.validator.ZUGFeRDValidator;
import org.w3c.dom.Document;

class ExportsTest {

    static final Issuer ISSUER = new Issuer("Centrale d'achat numérique du Val de Loire", "13002526500013",
            "FR12130025265", "2 rue de la République, 45000, Orléans", "FR7630001007941234567890185",
            "Paiement à 30 jours par virement.", 30);
    static final Recipient MONTREUIL = new Recipient("Montreuil-sur-Loire", "21450123400017",
            "Place de la Mairie, 45130, Montreuil-sur-Loire", "ECOLES", "EJ-2026-0042");

    static Invoice invoice(boolean issued, boolean mobile, BigDecimal vatRate) {
        PriceList prices = new PriceList(2026, Money.of("0.00"), Money.of("0.50"), Money.of("0.50"),
                Money.of("0.50"), Money.of("0.30"), vatRate, LocalDate.of(2026, 10, 1), true);
        List<InvoiceLine> lines = Pricing.lines(prices, true, mobile, 57);
        return new Invoice("id-1", DocumentKind.INVOICE, issued ? DocumentStatus.ISSUED : DocumentStatus.DRAFT,
                issued ? "F-2026-000007" : null, 2026, "col-montreuil", MONTREUIL, ISSUER, 57, lines,
                Totals.of(lines), issued ? LocalDate.of(2026, 11, 29) : null,
                issued ? LocalDate.of(2026, 12, 29) : null, null, null, null,
                Instant.parse("2026-11-29T10:00:00Z"), issued ? Instant.parse("2026-11-29T10:05:00Z") : null);
    }

    static Invoice creditNote(Invoice original, int pupils) {
        List<InvoiceLine> lines = Pricing.credit(original.lines(), pupils);
        return new Invoice("id-2", DocumentKind.CREDIT_NOTE, DocumentStatus.ISSUED, "A-2026-000001", 2026,
                original.collectivityId(), original.recipient(), original.issuer(), pupils, lines, Totals.of(lines),
                LocalDate.of(2026, 11, 30), LocalDate.of(2026, 12, 30), original.id(), original.number(),
                "Classe fermée", Instant.parse("2026-11-30T10:00:00Z"), Instant.parse("2026-11-30T10:00:00Z"));
    }

    @Test
    void theCsvHasOneRowPerLinePerVatRateAndPerDocumentWithSignedAmounts() {
        Invoice invoice = invoice(true, true, Money.of("20.00"));
        String csv = new String(InvoiceCsv.write(List.of(invoice, creditNote(invoice, 7))), StandardCharsets.UTF_8);
        List<String> rows = csv.lines().toList();

        assertEquals(InvoiceCsv.HEADER, rows.get(0));
        assertEquals(1 + (4 + 1 + 1) * 2, rows.size());
        assertEquals("LINE;INVOICE;F-2026-000007;2026-11-29;2026-12-29;2026;col-montreuil;Montreuil-sur-Loire;"
                + "21450123400017;ECOLES;EJ-2026-0042;;SUPPORT;Assistance technique 2026-2027, par élève;57;0.50;"
                + "20.00;28.50;;", rows.get(2));
        assertEquals("VAT;INVOICE;F-2026-000007;2026-11-29;2026-12-29;2026;col-montreuil;Montreuil-sur-Loire;"
                + "21450123400017;ECOLES;EJ-2026-0042;;;;;;20.00;74.10;14.82;", rows.get(5));
        assertEquals("TOTAL;INVOICE;F-2026-000007;2026-11-29;2026-12-29;2026;col-montreuil;Montreuil-sur-Loire;"
                + "21450123400017;ECOLES;EJ-2026-0042;;;;57;;;74.10;14.82;88.92", rows.get(6));
        assertTrue(rows.get(12).startsWith("TOTAL;CREDIT_NOTE;A-2026-000001;"), rows.get(12));
        assertTrue(rows.get(12).endsWith(";F-2026-000007;;;-7;;;-9.10;-1.82;-10.92"), rows.get(12));
    }

    @Test
    void csvFieldsAreQuotedAndFormulasDefused() {
        assertEquals("\"a;b\"", InvoiceCsv.field("a;b"));
        assertEquals("\"say \"\"hi\"\"\"", InvoiceCsv.field("say \"hi\""));
        assertEquals("'=SUM(A1)", InvoiceCsv.field("=SUM(A1)"));
    }

    @Test
    void thePdfParsesAndShowsWhatTheLawRequires() throws Exception {
        Invoice invoice = invoice(true, false, Money.of("20.00"));
        try (PDDocument pdf = Loader.loadPDF(InvoicePdf.pdf(invoice))) {
            String text = new PDFTextStripper().getText(pdf);
            for (String expected : List.of("FACTURE N° F-2026-000007", "29/11/2026", "29/12/2026",
                    "SIRET 13002526500013", "SIRET 21450123400017", "Code service : ECOLES",
                    "N° d'engagement : EJ-2026-0042", "Total HT", "57,00 €", "68,40 €", "FR12130025265",
                    "FR7630001007941234567890185")) {
                assertTrue(text.contains(expected), "missing " + expected + " in\n" + text);
            }
        }
        try (PDDocument draft = Loader.loadPDF(InvoicePdf.pdf(invoice(false, false, Money.of("20.00"))))) {
            assertTrue(new PDFTextStripper().getText(draft).contains("BROUILLON"));
        }
    }

    @Test
    void draftsAreNotExportedAsFacturX() {
        assertThrows(IllegalArgumentException.class, () -> InvoicePdf.facturX(invoice(false, false, Money.of("20.00"))));
    }

    @Test
    void facturXInvoicesPassTheReferenceValidatorAndCarryTheInvoice() throws Exception {
        Invoice invoice = invoice(true, true, Money.of("20.00"));
        byte[] file = InvoicePdf.facturX(invoice);
        assertValid(file);

        Document xml = embeddedXml(file);
        XPath xpath = XPathFactory.newInstance().newXPath();
        assertEquals("F-2026-000007", xpath.evaluate("//*[local-name()='ExchangedDocument']/*[local-name()='ID']", xml));
        assertEquals("380", xpath.evaluate("//*[local-name()='ExchangedDocument']/*[local-name()='TypeCode']", xml));
        assertEquals("88.92", xpath.evaluate("//*[local-name()='GrandTotalAmount']", xml));
        assertEquals("21450123400017", xpath.evaluate(
                "//*[local-name()='BuyerTradeParty']/*[local-name()='SpecifiedLegalOrganization']/*[local-name()='ID']", xml));
        assertEquals("ECOLES", xpath.evaluate("//*[local-name()='BuyerReference']", xml));
        assertEquals("EJ-2026-0042", xpath.evaluate(
                "//*[local-name()='BuyerOrderReferencedDocument']/*[local-name()='IssuerAssignedID']", xml));
        assertEquals("4", xpath.evaluate("count(//*[local-name()='IncludedSupplyChainTradeLineItem'])", xml));
    }

    @Test
    void creditNotesAndVatExemptInvoicesAreValidFacturXToo() throws Exception {
        Invoice exempt = invoice(true, false, Money.of("0.00"));
        assertValid(InvoicePdf.facturX(exempt));
        Invoice credit = creditNote(invoice(true, true, Money.of("20.00")), 7);
        byte[] file = InvoicePdf.facturX(credit);
        assertValid(file);
        Document xml = embeddedXml(file);
        XPath xpath = XPathFactory.newInstance().newXPath();
        assertEquals("381", xpath.evaluate("//*[local-name()='ExchangedDocument']/*[local-name()='TypeCode']", xml));
        assertEquals("F-2026-000007", xpath.evaluate(
                "//*[local-name()='InvoiceReferencedDocument']/*[local-name()='IssuerAssignedID']", xml));
    }

    @Test
    void theValidatorCatchesAWrongTotal() {
        Invoice good = invoice(true, false, Money.of("20.00"));
        Totals wrong = new Totals(good.totals().excl(), good.totals().breakdown(), good.totals().vat(),
                good.totals().incl().add(Money.of("1.00")));
        Invoice bad = new Invoice(good.id(), good.kind(), good.status(), good.number(), good.year(),
                good.collectivityId(), good.recipient(), good.issuer(), good.pupils(), good.lines(), wrong,
                good.issueDate(), good.dueDate(), null, null, null, good.createdAt(), good.issuedAt());
        ZUGFeRDValidator validator = new ZUGFeRDValidator();
        String report = validator.validate(CiiXml.write(bad), "factur-x.xml");
        assertTrue(!validator.wasCompletelyValid(), report);
        assertTrue(report.contains("BR-CO-15"), report);
    }

    /*
     * The validator reports "valid" when it could not run at all (e.g. without a JAXB runtime), so the report must
     * also show that veraPDF checked a PDF/A-3B and that the EN 16931 rules fired.
     */
    static void assertValid(byte[] file) {
        ZUGFeRDValidator validator = new ZUGFeRDValidator();
        String report = validator.validate(file, "invoice.pdf");
        assertTrue(validator.wasCompletelyValid(), report);
        assertTrue(report.contains("flavour=3b") && report.contains("isCompliant=true"), report);
        assertTrue(report.contains("<profile>urn:cen.eu:en16931:2017</profile>"), report);
        assertTrue(!report.contains("<error"), report);
    }

    static Document embeddedXml(byte[] file) throws Exception {
        try (PDDocument pdf = Loader.loadPDF(file)) {
            PDDocumentNameDictionary names = pdf.getDocumentCatalog().getNames();
            PDComplexFileSpecification spec = names.getEmbeddedFiles().getNames().get("factur-x.xml");
            assertNotNull(spec, "factur-x.xml attachment");
            byte[] xml = spec.getEmbeddedFile().toByteArray();
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        }
    }
}
