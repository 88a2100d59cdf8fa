package org.cartable.wiki.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Links between pages: {@code [[Page title]]} or {@code [[Page title|shown text]]} in a page's text. Rendering
 * replaces them with links to the named page of the same class, or, for a title no page has yet, a "create this
 * page" link (or plain text for readers who may not create pages).
 * <p>
 * The content is HTML that the sanitiser already cleaned; only its text between tags is touched (never attributes,
 * never the inside of an existing link), the shown text is already-escaped text from that HTML, and the addresses
 * are built from page ids or URL-encoded titles. So the result is as safe as its input.
 */
public final class WikiLinks {

    /* No brackets, bar or tag inside a link: "[[a <b>x</b>]]" is not a link. */
    private static final Pattern LINK = Pattern.compile("\\[\\[([^\\[\\]|<>]{1,200})(?:\\|([^\\[\\]|<>]{1,200}))?]]");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern OPEN_A = Pattern.compile("(?i)<a[\\s>]");
    private static final Pattern CLOSE_A = Pattern.compile("(?i)</a\\s*>");

    private WikiLinks() {
    }

    /**
     * @param pageIdByTitle finds a page of the class by its {@linkplain org.cartable.wiki.internal.data.PageEntity#titleKey title key}
     * @param canCreate     whether missing pages are offered for creation
     */
    public static String render(String html, String classId, Function<String, Optional<String>> pageIdByTitle,
                                boolean canCreate) {
        if (html == null || !html.contains("[[")) {
            return html == null ? "" : html;
        }
        StringBuilder out = new StringBuilder(html.length() + 64);
        Matcher tags = TAG.matcher(html);
        int textStart = 0;
        boolean insideLink = false;
        while (tags.find()) {
            appendText(out, html.substring(textStart, tags.start()), insideLink, classId, pageIdByTitle, canCreate);
            String tag = tags.group();
            if (OPEN_A.matcher(tag).lookingAt()) {
                insideLink = true;
            } else if (CLOSE_A.matcher(tag).lookingAt()) {
                insideLink = false;
            }
            out.append(tag);
            textStart = tags.end();
        }
        appendText(out, html.substring(textStart), insideLink, classId, pageIdByTitle, canCreate);
        return out.toString();
    }

    /** @return the title a link names, as plain text (the HTML text unescaped) */
    static String linkedTitle(String escapedText) {
        return HtmlText.unescape(escapedText).strip();
    }

    /** @return the address of a page in the web UI */
    public static String pagePath(String classId, String pageId) {
        return "/app/wiki/" + classId + "/page/" + pageId;
    }

    /** @return the address of the editor creating a page with that title */
    public static String newPagePath(String classId, String title) {
        return "/app/wiki/" + classId + "/new?title=" + URLEncoder.encode(title, StandardCharsets.UTF_8);
    }

    private static void appendText(StringBuilder out, String text, boolean insideLink, String classId,
                                   Function<String, Optional<String>> pageIdByTitle, boolean canCreate) {
        if (insideLink || !text.contains("[[")) {
            out.append(text);
            return;
        }
        Matcher link = LINK.matcher(text);
        int last = 0;
        while (link.find()) {
            out.append(text, last, link.start());
            String title = linkedTitle(link.group(1));
            String shown = (link.group(2) != null ? link.group(2) : link.group(1)).strip();
            Optional<String> target = title.isEmpty() ? Optional.empty()
                    : pageIdByTitle.apply(org.cartable.wiki.internal.data.PageEntity.titleKey(title));
            if (target.isPresent()) {
                out.append("<a class=\"wiki-link\" href=\"").append(pagePath(classId, target.get())).append("\">")
                        .append(shown).append("</a>");
            } else if (canCreate && !title.isEmpty()) {
                out.append("<a class=\"wiki-link wiki-missing\" href=\"")
                        .append(HtmlText.escape(newPagePath(classId, title))).append("\">")
                        .append(shown).append("</a>");
            } else {
                out.append("<span class=\"wiki-missing\">").append(shown).append("</span>");
            }
            last = link.end();
        }
        out.append(text, last, text.length());
    }
}
