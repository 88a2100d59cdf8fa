package org.cartable.api.web;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.wicket.util.string.Strings;

/**
 * Text helpers for apps' pages. Nothing here makes HTML safe: services sanitise everything they store (with
 * {@code HtmlSanitizer}).
 */
public final class RichText {

    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern LOOKS_LIKE_HTML = Pattern.compile("<[a-zA-Z/!]");
    /* Tags that separate words; other tags (b, i, a...) may sit inside a word. */
    private static final Pattern BLOCK_TAG = Pattern.compile(
            "(?i)</?(p|div|br|h[1-6]|li|ul|ol|table|tr|td|th|blockquote|pre|hr|img)\\b[^>]*>");
    private static final Pattern BLANK_LINES = Pattern.compile("\\R\\s*\\R");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern NUMERIC_ENTITY = Pattern.compile("&#([xX][0-9a-fA-F]{1,6}|[0-9]{1,7});");

    private RichText() {
    }

    /**
     * What a textarea gives, as HTML: text without any tag is taken as plain text (escaped, blank lines make
     * paragraphs, line breaks stay; "3 < 5" is text), anything else as the HTML the writer meant; blank gives "".
     */
    public static String fromTextarea(String input) {
        if (input == null || input.isBlank()) {
            return "";
        }
        if (LOOKS_LIKE_HTML.matcher(input).find()) {
            return input;
        }
        return Arrays.stream(BLANK_LINES.split(input.strip()))
                .map(paragraph -> "<p>" + Strings.escapeMarkup(paragraph.strip()).toString()
                        .replaceAll("\\R", "<br>") + "</p>")
                .collect(Collectors.joining());
    }

    /** A plain-text beginning of sanitised HTML, for lists; the label escapes it again. */
    public static String excerpt(String html, int max) {
        String text = TAG.matcher(BLOCK_TAG.matcher(html).replaceAll(" ")).replaceAll("");
        text = SPACES.matcher(unescape(text)).replaceAll(" ").strip();
        return text.length() <= max ? text : text.substring(0, max).strip() + "…";
    }

    /* The sanitiser writes a few characters as entities (e.g. "&#39;", "&#64;"); turn them back into text. */
    private static String unescape(String text) {
        String named = text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&nbsp;", " ");
        return NUMERIC_ENTITY.matcher(named).replaceAll(match -> {
            String number = match.group(1);
            int codePoint = number.startsWith("x") || number.startsWith("X")
                    ? Integer.parseInt(number.substring(1), 16)
                    : Integer.parseInt(number);
            return Matcher.quoteReplacement(Character.isValidCodePoint(codePoint) ? Character.toString(codePoint) : "");
        }).replace("&amp;", "&");
    }
}
