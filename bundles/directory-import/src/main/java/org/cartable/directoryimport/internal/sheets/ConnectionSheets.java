package org.cartable.directoryimport.internal.sheets;

import java.io.IOException;
import java.io.OutputStream;
import java.text.MessageFormat;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.cartable.api.AppTexts;

/**
 * Printable connection sheets: for each class, a new page, then one slip per account (pupils first, then guardians),
 * four slips a page with cut lines, each giving the login and the first-login password.
 */
public final class ConnectionSheets {

    private static final int SLIPS_PER_PAGE = 4;
    private static final float MARGIN = 40;

    private ConnectionSheets() {
    }

    /** @return class key ("UAI / class") → number of slips, sorted */
    public static Map<String, Long> classes(List<Credential> credentials) {
        return credentials.stream().collect(Collectors.groupingBy(Credential::classKey, TreeMap::new,
                Collectors.counting()));
    }

    /**
     * @param siteUrl where to sign in, printed on each slip
     */
    public static void write(List<Credential> credentials, Locale locale, String siteUrl, OutputStream out)
            throws IOException {
        ResourceBundle texts = AppTexts.bundle("org.cartable.directoryimport.internal.sheets.sheets", locale == null ? Locale.FRENCH : locale, ConnectionSheets.class);
        Map<String, List<Credential>> byClass = credentials.stream()
                .sorted(Comparator.comparing((Credential c) -> !c.account().pupil())
                        .thenComparing(c -> c.account().displayName()))
                .collect(Collectors.groupingBy(Credential::classKey, TreeMap::new, Collectors.toList()));
        PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        PDFont regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        PDFont mono = new PDType1Font(Standard14Fonts.FontName.COURIER_BOLD);
        try (PDDocument document = new PDDocument()) {
            for (Map.Entry<String, List<Credential>> entry : byClass.entrySet()) {
                List<Credential> slips = entry.getValue();
                for (int first = 0; first < slips.size(); first += SLIPS_PER_PAGE) {
                    PDPage page = new PDPage(PDRectangle.A4);
                    document.addPage(page);
                    float height = (PDRectangle.A4.getHeight() - 2 * MARGIN) / SLIPS_PER_PAGE;
                    try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                        for (int i = 0; i < SLIPS_PER_PAGE && first + i < slips.size(); i++) {
                            float top = PDRectangle.A4.getHeight() - MARGIN - i * height;
                            slip(content, slips.get(first + i), top, texts, siteUrl, bold, regular, mono);
                            if (i > 0) {
                                content.setLineDashPattern(new float[] {4, 4}, 0);
                                content.moveTo(MARGIN, top + 8);
                                content.lineTo(PDRectangle.A4.getWidth() - MARGIN, top + 8);
                                content.stroke();
                            }
                        }
                    }
                }
            }
            if (document.getNumberOfPages() == 0) {
                document.addPage(new PDPage(PDRectangle.A4));
            }
            document.save(out);
        }
    }

    private static void slip(PDPageContentStream content, Credential credential, float top, ResourceBundle texts,
                             String siteUrl, PDFont bold, PDFont regular, PDFont mono) throws IOException {
        var account = credential.account();
        float y = top - 20;
        y = line(content, bold, 14, texts.getString("title"), y);
        y = line(content, regular, 11, account.className() == null || account.className().isBlank()
                ? MessageFormat.format(texts.getString("school"), credential.uai())
                : MessageFormat.format(texts.getString("class"), new Object[] {account.className(), credential.uai()}),
                y);
        // An account that is neither a pupil nor anyone's guardian comes from the staff import.
        String who = account.pupil()
                ? MessageFormat.format(texts.getString("pupil"), account.displayName())
                : account.childName() == null
                ? MessageFormat.format(texts.getString("teacher"), account.displayName())
                : MessageFormat.format(texts.getString("guardian"), account.displayName(), account.childName());
        y = line(content, regular, 11, who, y);
        y = line(content, mono, 13, MessageFormat.format(texts.getString("login"), account.login()), y - 4);
        y = line(content, mono, 13, MessageFormat.format(texts.getString("password"), account.initialPassword()), y);
        y = line(content, regular, 10, MessageFormat.format(texts.getString("site"), siteUrl), y - 4);
        line(content, regular, 9, texts.getString("advice"), y);
    }

    private static float line(PDPageContentStream content, PDFont font, float size, String text, float y)
            throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(MARGIN + 10, y);
        content.showText(printable(font, text));
        content.endText();
        return y - size * 1.6f;
    }

    /** The standard fonts cover Western European letters only: anything else is printed as '?'. */
    static String printable(PDFont font, String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            String ch = new String(Character.toChars(cp));
            try {
                font.encode(ch);
                out.append(ch);
            } catch (IOException | IllegalArgumentException e) {
                out.append('?');
            }
        });
        return out.toString();
    }

}
