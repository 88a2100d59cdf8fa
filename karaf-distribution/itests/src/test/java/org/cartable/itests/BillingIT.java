package org.cartable.itests;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.awaitility.Awaitility.await;
import static org.cartable.itests.Demo.assertNoStackTrace;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Billing against the real Karaf: the operator sets the price list, runs billing for the current school year,
 * issues Montreuil's invoice and downloads it as Factur-X (a PDF carrying factur-x.xml); the collectivity admin of
 * Montreuil sees only Montreuil; people of the schools are refused.
 */
@ExtendWith(CartableExtension.class)
@Order(4) // class order: see junit-platform.properties
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BillingIT {

    static final String BILLING = "/api/tools/billing";
    static final String MONTREUIL = "Montreuil-sur-Loire";
    static final String SAINT_PIERRE = "Saint-Pierre-des-Bois";

    private static int year;
    private static String montreuil;
    private static String saintPierre;
    private static String invoiceId;
    private static String invoiceNumber;

    @BeforeAll
    static void currentYear(CartableServer server) {
        CartableServer.Response overview = server.get(server.token("operator"), BILLING);
        assertEquals(200, overview.status(), overview::toString);
        year = overview.json().path("currentYear").asInt();
        assertTrue(overview.json().path("manager").asBoolean(), overview::toString);
        CartableServer.Response counts = server.get(server.token("operator"), BILLING + "/counts/" + year);
        assertEquals(200, counts.status(), counts::toString);
        montreuil = collectivityId(counts.json(), MONTREUIL);
        saintPierre = collectivityId(counts.json(), SAINT_PIERRE);
    }

    static String collectivityId(JsonNode counts, String name) {
        for (JsonNode count : counts) {
            if (name.equals(count.path("name").asText())) {
                return count.path("collectivityId").asText();
            }
        }
        throw new AssertionError("no " + name + " in " + counts);
    }

    /** Billing data stays in the database: an invoice issued by an earlier run is credited so billing starts over. */
    static void creditEarlierInvoices(CartableServer server, int year, String collectivityId) {
        String operator = server.token("operator");
        CartableServer.Response issued = server.get(operator, BILLING + "/invoices?year=" + year
                + "&status=ISSUED&kind=INVOICE&collectivityId=" + collectivityId);
        for (JsonNode invoice : issued.json()) {
            CartableServer.Response credit = server.post(operator, BILLING + "/invoices/"
                    + invoice.path("id").asText() + "/credit-notes", Map.of("reason", "Reprise des tests"));
            if (credit.status() == 201) {
                CartableServer.Response done = server.post(operator, BILLING + "/invoices/"
                        + credit.json().path("id").asText() + "/issue", null);
                assertEquals(200, done.status(), done::toString);
            } else {
                assertEquals(409, credit.status(), "already fully credited: " + credit);
            }
        }
    }

    static JsonNode runBilling(CartableServer server) {
        String operator = server.token("operator");
        CartableServer.Response started = server.post(operator, BILLING + "/runs/" + year, null);
        assertEquals(202, started.status(), started::toString);
        List<JsonNode> seen = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            JsonNode progress = server.get(operator, BILLING + "/runs/" + year).json();
            seen.add(progress);
            return !"RUNNING".equals(progress.path("state").asText());
        });
        JsonNode last = seen.get(seen.size() - 1);
        assertEquals("DONE", last.path("state").asText(), last::toString);
        assertEquals(last.path("total").asInt(), last.path("done").asInt(), last::toString);
        assertEquals(100, last.path("percent").asInt(), last::toString);
        return last;
    }

    @Test
    @Order(1)
    void operatorSetsThePriceList(CartableServer server) {
        String operator = server.token("operator");
        Map<String, Object> prices = Map.of("membershipMember", 0, "membershipNonMember", 0.5, "support", 0.5,
                "licence", 0.5, "mobile", 0.3, "vatRate", 20, "censusDate", year + "-10-01");
        CartableServer.Response saved = server.put(operator, BILLING + "/price-lists/" + year, prices);
        assertEquals(200, saved.status(), saved::toString);
        assertTrue(saved.json().path("saved").asBoolean(), saved::toString);
        assertEquals(0.5, saved.json().path("support").asDouble(), saved::toString);

        CartableServer.Response bad = server.put(operator, BILLING + "/price-lists/" + year,
                Map.of("membershipMember", -1, "membershipNonMember", 0.5, "support", 0.5, "licence", 0.5,
                        "mobile", 0.3, "vatRate", 20, "censusDate", year + "-10-01"));
        assertEquals(400, bad.status(), bad::toString);
        assertNoStackTrace(bad);
        CartableServer.Response byColadmin = server.put(server.token("coladmin"), BILLING + "/price-lists/" + year,
                prices);
        assertEquals(403, byColadmin.status(), byColadmin::toString);
    }

    @Test
    @Order(2)
    void operatorRunsBillingForTheCurrentYear(CartableServer server) {
        creditEarlierInvoices(server, year, montreuil);
        runBilling(server);
        runBilling(server); // a re-run replaces the drafts, never duplicates them

        String operator = server.token("operator");
        CartableServer.Response drafts = server.get(operator, BILLING + "/invoices?year=" + year
                + "&status=DRAFT&kind=INVOICE");
        assertEquals(200, drafts.status(), drafts::toString);
        JsonNode montreuilDraft = null;
        int montreuilDrafts = 0;
        for (JsonNode draft : drafts.json()) {
            assertTrue(draft.path("number").isNull(), () -> "drafts have no number: " + draft);
            if (montreuil.equals(draft.path("collectivityId").asText())) {
                montreuilDraft = draft;
                montreuilDrafts++;
            }
            if (saintPierre.equals(draft.path("collectivityId").asText())) {
                int pupils = draft.path("pupils").asInt();
                assertEquals(pupils * 1.5, draft.path("totalExcl").asDouble(), 0.001, "non-member: " + draft);
            }
        }
        assertEquals(1, montreuilDrafts, drafts::toString);
        assertNotNull(montreuilDraft);
        int pupils = montreuilDraft.path("pupils").asInt();
        assertTrue(pupils > 0, montreuilDraft::toString);
        assertEquals(pupils * 1.0, montreuilDraft.path("totalExcl").asDouble(), 0.001, "member: " + montreuilDraft);
        assertEquals(pupils * 1.2, montreuilDraft.path("totalIncl").asDouble(), 0.001, "20 % VAT: " + montreuilDraft);
        assertEquals("21450123400017", montreuilDraft.path("recipient").path("siret").asText());
        invoiceId = montreuilDraft.path("id").asText();
    }

    @Test
    @Order(3)
    void operatorIssuesMontreuilsInvoice(CartableServer server) {
        String operator = server.token("operator");
        CartableServer.Response issued = server.post(operator, BILLING + "/invoices/" + invoiceId + "/issue", null);
        assertEquals(200, issued.status(), issued::toString);
        invoiceNumber = issued.json().path("number").asText();
        assertTrue(invoiceNumber.matches("F-\\d{4}-\\d{6}"), invoiceNumber);
        assertEquals("ISSUED", issued.json().path("status").asText());
        assertFalse(issued.json().path("issueDate").isNull(), issued::toString);

        CartableServer.Response again = server.post(operator, BILLING + "/invoices/" + invoiceId + "/issue", null);
        assertEquals(409, again.status(), again::toString);

        JsonNode saintPierreDraft = null;
        for (JsonNode draft : server.get(operator, BILLING + "/invoices?year=" + year
                + "&status=DRAFT&collectivityId=" + saintPierre).json()) {
            saintPierreDraft = draft;
        }
        assertNotNull(saintPierreDraft, "Saint-Pierre has pupils, so a draft");
        CartableServer.Response noSiret = server.post(operator, BILLING + "/invoices/"
                + saintPierreDraft.path("id").asText() + "/issue", null);
        assertEquals(400, noSiret.status(), noSiret::toString);
        assertTrue(noSiret.json().path("message").asText().contains("SIRET"), noSiret::toString);
        assertNoStackTrace(noSiret);

        CartableServer.Response badFilter = server.get(operator, BILLING + "/invoices?status=PAID");
        assertEquals(400, badFilter.status(), badFilter::toString);
    }

    @Test
    @Order(4)
    void operatorDownloadsTheFacturXFile(CartableServer server) throws IOException {
        HttpResponse<byte[]> file = download(server, "operator", BILLING + "/invoices/" + invoiceId + "/facturx");
        assertEquals(200, file.statusCode());
        assertTrue(file.headers().firstValue("Content-Type").orElse("").startsWith("application/pdf"),
                file.headers()::toString);
        assertEquals("%PDF", new String(file.body(), 0, 4, StandardCharsets.US_ASCII));
        try (PDDocument pdf = Loader.loadPDF(file.body())) {
            PDComplexFileSpecification spec = pdf.getDocumentCatalog().getNames().getEmbeddedFiles().getNames()
                    .get("factur-x.xml");
            assertNotNull(spec, "factur-x.xml is attached");
            String xml = new String(spec.getEmbeddedFile().toByteArray(), StandardCharsets.UTF_8);
            assertTrue(xml.contains("<ram:ID>" + invoiceNumber + "</ram:ID>"), xml);
            assertTrue(xml.contains("urn:cen.eu:en16931:2017"), xml);
            assertTrue(xml.contains("21450123400017"), xml);
        }

        HttpResponse<byte[]> csv = download(server, "operator", BILLING + "/exports/" + year + "/invoices.csv");
        assertEquals(200, csv.statusCode());
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        assertTrue(text.startsWith("record;type;number;"), text);
        assertTrue(text.contains("TOTAL;INVOICE;" + invoiceNumber + ";"), text);

        HttpResponse<byte[]> zip = download(server, "operator", BILLING + "/exports/" + year + "/facturx.zip");
        assertEquals(200, zip.statusCode());
        List<String> names = new ArrayList<>();
        try (ZipInputStream entries = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
            for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                names.add(entry.getName());
            }
        }
        assertTrue(names.contains(invoiceNumber + ".pdf"), names::toString);

        HttpResponse<byte[]> pdf = download(server, "operator", BILLING + "/invoices/" + invoiceId + "/pdf");
        assertEquals(200, pdf.statusCode());
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            assertEquals(1, document.getNumberOfPages());
        }
    }

    @Test
    @Order(5)
    void theCollectivityAdminOfMontreuilSeesOnlyMontreuil(CartableServer server) throws IOException {
        String coladmin = server.token("coladmin");
        CartableServer.Response invoices = server.get(coladmin, BILLING + "/invoices");
        assertEquals(200, invoices.status(), invoices::toString);
        List<String> ids = new ArrayList<>();
        for (JsonNode invoice : invoices.json()) {
            assertEquals(montreuil, invoice.path("collectivityId").asText(), invoice::toString);
            assertEquals("ISSUED", invoice.path("status").asText(), invoice::toString);
            ids.add(invoice.path("id").asText());
        }
        assertTrue(ids.contains(invoiceId), invoices::toString);

        CartableServer.Response counts = server.get(coladmin, BILLING + "/counts/" + year);
        assertEquals(200, counts.status(), counts::toString);
        assertEquals(1, counts.json().size(), counts::toString);
        assertEquals(montreuil, counts.json().get(0).path("collectivityId").asText());

        String saintPierreDraft = server.get(server.token("operator"), BILLING + "/invoices?year=" + year
                + "&status=DRAFT&collectivityId=" + saintPierre).json().get(0).path("id").asText();
        assertEquals(404, server.get(coladmin, BILLING + "/invoices/" + saintPierreDraft).status());
        assertEquals(404, download(server, "coladmin", BILLING + "/invoices/" + saintPierreDraft + "/pdf")
                .statusCode());
        assertEquals(200, download(server, "coladmin", BILLING + "/invoices/" + invoiceId + "/facturx").statusCode());
        assertEquals(403, server.post(coladmin, BILLING + "/runs/" + year, null).status());
        assertEquals(403, server.post(coladmin, BILLING + "/invoices/" + saintPierreDraft + "/issue", null).status());
    }

    @Test
    @Order(6)
    void peopleOfTheSchoolsAreRefused(CartableServer server) {
        for (String login : List.of("director", "teacher", "parent")) {
            CartableServer.Response refused = server.get(server.token(login), BILLING + "/invoices");
            assertEquals(403, refused.status(), () -> login + ": " + refused);
            assertNoStackTrace(refused);
        }
        assertEquals(401, server.get(null, BILLING + "/invoices").status());
    }

    static HttpResponse<byte[]> download(CartableServer server, String login, String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + server.token(login))
                .GET().build();
        try {
            return server.httpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new AssertionError(path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
