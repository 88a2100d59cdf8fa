package org.cartable.billing.internal.export;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.cartable.billing.internal.DocumentKind;
import org.cartable.billing.internal.Invoice;
import org.cartable.billing.internal.InvoiceLine;
import org.cartable.billing.internal.SchoolYear;
import org.cartable.billing.internal.Totals;

/**
 * Renders an invoice or credit note as a one-page A4 PDF/A-3B (embedded font, sRGB output intent, XMP metadata), in
 * French since the documents are French legal documents. {@link #facturX} adds the CII XML as the {@code factur-x.xml}
 * attachment with the Factur-X XMP extension: the result is a Factur-X EN 16931 invoice.
 */
public final class InvoicePdf {

    /* Liberation Sans ships inside PDFBox; PDF/A requires every font to be embedded. */
    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static final String PRODUCER = "Cartable";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final float MARGIN = 50;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;

    private InvoicePdf() {
    }

    /** @return a PDF for people (drafts are marked as such) */
    public static byte[] pdf(Invoice invoice) {
        return render(invoice, null);
    }

    /** @return a Factur-X EN 16931 PDF/A-3 of an issued document */
    public static byte[] facturX(Invoice invoice) {
        if (!invoice.issued()) {
            throw new IllegalArgumentException("Only issued documents are exported as Factur-X.");
        }
        return render(invoice, CiiXml.write(invoice));
    }

    private static byte[] render(Invoice invoice, byte[] xml) {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            PDType0Font font;
            try (InputStream ttf = PDDocument.class.getResourceAsStream(FONT)) {
                font = PDType0Font.load(document, ttf, true);
            }
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                new Layout(content, font).draw(invoice);
            }
            String title = title(invoice);
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(title);
            info.setProducer(PRODUCER);
            info.setCreator(PRODUCER);
            PDDocumentCatalog catalog = document.getDocumentCatalog();
            PDMetadata metadata = new PDMetadata(document,
                    new ByteArrayInputStream(xmp(title, xml != null, invoice).getBytes(StandardCharsets.UTF_8)));
            catalog.setMetadata(metadata);
            PDOutputIntent intent = new PDOutputIntent(document,
                    new ByteArrayInputStream(ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData()));
            intent.setInfo("sRGB IEC61966-2.1");
            intent.setOutputCondition("sRGB IEC61966-2.1");
            intent.setOutputConditionIdentifier("sRGB IEC61966-2.1");
            intent.setRegistryName("http://www.color.org");
            catalog.addOutputIntent(intent);
            if (xml != null) {
                attach(document, xml, invoice.issueDate());
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void attach(PDDocument document, byte[] xml, LocalDate issued) throws IOException {
        PDEmbeddedFile file = new PDEmbeddedFile(document, new ByteArrayInputStream(xml));
        file.setSubtype("text/xml");
        file.setSize(xml.length);
        file.setModDate(GregorianCalendar.from(issued.atStartOfDay(ZoneId.of("Europe/Paris"))));
        PDComplexFileSpecification spec = new PDComplexFileSpecification();
        spec.setFile(CiiXml.FILE_NAME);
        spec.setFileUnicode(CiiXml.FILE_NAME);
        spec.setFileDescription("Factur-X invoice");
        spec.setEmbeddedFile(file);
        spec.setEmbeddedFileUnicode(file);
        spec.getCOSObject().setName(COSName.getPDFName("AFRelationship"), "Alternative");
        PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
        tree.setNames(Map.of(CiiXml.FILE_NAME, spec));
        PDDocumentCatalog catalog = document.getDocumentCatalog();
        PDDocumentNameDictionary names = new PDDocumentNameDictionary(catalog);
        names.setEmbeddedFiles(tree);
        catalog.setNames(names);
        COSArray associated = new COSArray();
        associated.add(spec);
        catalog.getCOSObject().setItem(COSName.getPDFName("AF"), associated);
    }

    static String title(Invoice invoice) {
        String kind = invoice.kind() == DocumentKind.CREDIT_NOTE ? "Avoir" : "Facture";
        return kind + " " + (invoice.number() != null ? invoice.number() : "(brouillon)") + " - "
                + invoice.recipient().name();
    }

    private static String xmp(String title, boolean facturX, Invoice invoice) {
        StringBuilder x = new StringBuilder(4_096);
        x.append("<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n")
                .append("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n")
                .append("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n")
                .append("<rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">")
                .append("<pdfaid:part>3</pdfaid:part><pdfaid:conformance>B</pdfaid:conformance></rdf:Description>\n")
                .append("<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">")
                .append("<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">").append(CiiXml.escape(title))
                .append("</rdf:li></rdf:Alt></dc:title></rdf:Description>\n")
                .append("<rdf:Description rdf:about=\"\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">")
                .append("<pdf:Producer>").append(PRODUCER).append("</pdf:Producer></rdf:Description>\n")
                .append("<rdf:Description rdf:about=\"\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">")
                .append("<xmp:CreatorTool>").append(PRODUCER).append("</xmp:CreatorTool></rdf:Description>\n");
        if (facturX) {
            x.append("<rdf:Description rdf:about=\"\"")
                    .append(" xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\"")
                    .append(" xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\"")
                    .append(" xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">")
                    .append("<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType=\"Resource\">")
                    .append("<pdfaSchema:schema>Factur-X PDFA Extension Schema</pdfaSchema:schema>")
                    .append("<pdfaSchema:namespaceURI>urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#</pdfaSchema:namespaceURI>")
                    .append("<pdfaSchema:prefix>fx</pdfaSchema:prefix>")
                    .append("<pdfaSchema:property><rdf:Seq>");
            for (String[] property : new String[][] {
                    {"DocumentFileName", "name of the embedded XML invoice file"},
                    {"DocumentType", "INVOICE"},
                    {"Version", "The actual version of the Factur-X XML schema"},
                    {"ConformanceLevel", "The conformance level of the embedded Factur-X data"}}) {
                x.append("<rdf:li rdf:parseType=\"Resource\"><pdfaProperty:name>").append(property[0])
                        .append("</pdfaProperty:name><pdfaProperty:valueType>Text</pdfaProperty:valueType>")
                        .append("<pdfaProperty:category>external</pdfaProperty:category><pdfaProperty:description>")
                        .append(property[1]).append("</pdfaProperty:description></rdf:li>");
            }
            x.append("</rdf:Seq></pdfaSchema:property></rdf:li></rdf:Bag></pdfaExtension:schemas></rdf:Description>\n")
                    .append("<rdf:Description rdf:about=\"\"")
                    .append(" xmlns:fx=\"urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#\">")
                    .append("<fx:DocumentType>INVOICE</fx:DocumentType>")
                    .append("<fx:DocumentFileName>").append(CiiXml.FILE_NAME).append("</fx:DocumentFileName>")
                    .append("<fx:Version>1.0</fx:Version>")
                    .append("<fx:ConformanceLevel>EN 16931</fx:ConformanceLevel></rdf:Description>\n");
        }
        x.append("</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>");
        return x.toString();
    }

    /** Writes the page top-down. */
    private static final class Layout {

        private final PDPageContentStream content;
        private final PDType0Font font;
        private final NumberFormat euros = NumberFormat.getNumberInstance(Locale.FRANCE);
        private float y = PDRectangle.A4.getHeight() - MARGIN;

        Layout(PDPageContentStream content, PDType0Font font) {
            this.content = content;
            this.font = font;
            euros.setMinimumFractionDigits(2);
            euros.setMaximumFractionDigits(2);
        }

        void draw(Invoice invoice) throws IOException {
            boolean credit = invoice.kind() == DocumentKind.CREDIT_NOTE;
            text(MARGIN, 18, (credit ? "AVOIR" : "FACTURE")
                    + (invoice.number() != null ? " N° " + invoice.number() : " - BROUILLON, SANS VALEUR"));
            y -= 26;
            text(MARGIN, 10, "Date d'émission : " + day(invoice.issueDate())
                    + "    Échéance : " + day(invoice.dueDate())
                    + "    Année scolaire " + SchoolYear.label(invoice.year()));
            y -= 14;
            if (credit) {
                text(MARGIN, 10, "Avoir sur la facture N° " + invoice.originalNumber() + " - motif : "
                        + invoice.reason());
                y -= 14;
            }
            y -= 10;
            float top = y;
            text(MARGIN, 9, "ÉMETTEUR");
            y -= 13;
            block(MARGIN, List.of(invoice.issuer().name(), "SIRET " + invoice.issuer().siret(),
                    "TVA intracommunautaire " + nullToDash(invoice.issuer().vatNumber()),
                    nullToDash(invoice.issuer().address())));
            float left = y;
            y = top;
            float right = MARGIN + WIDTH / 2;
            text(right, 9, "DESTINATAIRE");
            y -= 13;
            List<String> recipient = new ArrayList<>(List.of(invoice.recipient().name(),
                    "SIRET " + nullToDash(invoice.recipient().siret())));
            if (invoice.recipient().address() != null) {
                recipient.add(invoice.recipient().address());
            }
            if (invoice.recipient().serviceCode() != null) {
                recipient.add("Code service : " + invoice.recipient().serviceCode());
            }
            if (invoice.recipient().engagementNumber() != null) {
                recipient.add("N° d'engagement : " + invoice.recipient().engagementNumber());
            }
            block(right, recipient);
            y = Math.min(left, y) - 20;

            float[] columns = {MARGIN, MARGIN + 270, MARGIN + 320, MARGIN + 385, MARGIN + 430};
            row(columns, 9, "Désignation", "Quantité", "P.U. HT", "TVA", "Montant HT");
            y -= 4;
            rule();
            y -= 12;
            for (InvoiceLine line : invoice.lines()) {
                for (String part : wrap(line.description(), 265, 9)) {
                    text(columns[0], 9, part);
                    y -= 11;
                }
                y += 11;
                rightAligned(columns[2] - 8, 9, String.valueOf(line.quantity()));
                rightAligned(columns[3] - 8, 9, money(line.unitPrice()));
                rightAligned(columns[4] - 8, 9, euros.format(line.vatRate()) + " %");
                rightAligned(MARGIN + WIDTH, 9, money(line.amount()));
                y -= 14;
            }
            rule();
            y -= 16;
            Totals totals = invoice.totals();
            total("Total HT", totals.excl());
            for (Totals.VatAmount vat : totals.breakdown()) {
                total(vat.rate().signum() == 0 ? "TVA 0 % (" + CiiXml.EXEMPTION + ")"
                        : "TVA " + euros.format(vat.rate()) + " % sur " + money(vat.basis()), vat.amount());
            }
            total(credit ? "Total TTC à rembourser" : "Total TTC à payer", totals.incl());
            y -= 16;
            text(MARGIN, 9, "CONDITIONS DE PAIEMENT");
            y -= 12;
            for (String part : wrap(nullToDash(invoice.issuer().paymentTerms()), WIDTH, 9)) {
                text(MARGIN, 9, part);
                y -= 11;
            }
            if (invoice.issuer().iban() != null) {
                text(MARGIN, 9, "Virement sur l'IBAN " + invoice.issuer().iban() + " - référence "
                        + (invoice.number() != null ? invoice.number() : "à venir"));
                y -= 11;
            }
        }

        private void total(String label, BigDecimal amount) throws IOException {
            rightAligned(MARGIN + WIDTH - 90, 10, label);
            rightAligned(MARGIN + WIDTH, 10, money(amount));
            y -= 14;
        }

        private void block(float x, List<String> lines) throws IOException {
            for (String line : lines) {
                for (String part : wrap(line, WIDTH / 2 - 10, 10)) {
                    text(x, 10, part);
                    y -= 12;
                }
            }
        }

        private void row(float[] columns, float size, String... cells) throws IOException {
            text(columns[0], size, cells[0]);
            for (int i = 1; i < cells.length; i++) {
                float edge = i + 1 < columns.length ? columns[i + 1] - 8 : MARGIN + WIDTH;
                rightAligned(edge, size, cells[i]);
            }
        }

        private void rule() throws IOException {
            content.moveTo(MARGIN, y);
            content.lineTo(MARGIN + WIDTH, y);
            content.stroke();
        }

        private void text(float x, float size, String text) throws IOException {
            content.beginText();
            content.setFont(font, size);
            content.newLineAtOffset(x, y);
            content.showText(printable(text));
            content.endText();
        }

        private void rightAligned(float right, float size, String text) throws IOException {
            text(right - width(text, size), size, text);
        }

        private float width(String text, float size) throws IOException {
            return font.getStringWidth(printable(text)) / 1000 * size;
        }

        private List<String> wrap(String text, float max, float size) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            for (String word : printable(text).split(" ")) {
                String candidate = current.isEmpty() ? word : current + " " + word;
                if (width(candidate, size) > max && !current.isEmpty()) {
                    lines.add(current.toString());
                    current = new StringBuilder(word);
                } else {
                    current = new StringBuilder(candidate);
                }
            }
            lines.add(current.toString());
            return lines;
        }

        private String money(BigDecimal amount) {
            return euros.format(amount) + " €";
        }

        /* The embedded font has no glyph for control characters or for the narrow no-break space of fr-FR. */
        private static String printable(String text) {
            return text.replace('\u202F', ' ').replace('\u00A0', ' ').replaceAll("[\\p{Cntrl}]", " ");
        }

        private static String day(LocalDate day) {
            return day == null ? "-" : DAY.format(day);
        }
    }

    private static String nullToDash(String value) {
        return value == null ? "-" : value;
    }
}
