package org.cartable.homework.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Plain text of sanitised HTML, for notices, calendar descriptions and excerpts. */
public final class PlainText {

    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    /* Tags that end a line; other tags (b, i, a...) may sit inside a word. */
    private static final Pattern BLOCK_TAG = Pattern.compile(
            "(?i)</?(p|div|br|h[1-6]|li|ul|ol|table|tr|blockquote|pre|hr)\\b[^>]*>");
    private static final Pattern IMAGE = Pattern.compile("(?i)<img\\b[^>]*>");
    private static final Pattern BLANKS = Pattern.compile("[ \\t\\x0B\\f\\r]+");
    private static final Pattern LINES = Pattern.compile("\\s*\\n\\s*");
    private static final Pattern NUMERIC_ENTITY = Pattern.compile("&#([xX][0-9a-fA-F]{1,6}|[0-9]{1,7});");

    private PlainText() {
    }

    /** @return the text, one line per block, pictures shown as "[image]" */
    public static String of(String html) {
        if (html == null || html.isEmpty()) {
            return "";
        }
        String text = IMAGE.matcher(html).replaceAll("[image]");
        text = BLOCK_TAG.matcher(text).replaceAll("\n");
        text = TAG.matcher(text).replaceAll("");
        text = BLANKS.matcher(unescape(text)).replaceAll(" ");
        return LINES.matcher(text).replaceAll("\n").strip();
    }

    /** @return at most {@code max} characters of the text on one line */
    public static String excerpt(String html, int max) {
        String text = of(html).replace('\n', ' ');
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
