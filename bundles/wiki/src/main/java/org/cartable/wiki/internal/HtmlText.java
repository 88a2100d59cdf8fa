package org.cartable.wiki.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Between sanitised HTML and plain text, for comparisons and links. */
final class HtmlText {

    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    /* Tags that end a line of text; other tags (b, i, a...) may sit inside a word. */
    private static final Pattern BLOCK_TAG = Pattern.compile(
            "(?i)</?(p|div|br|h[1-6]|li|ul|ol|table|tr|td|th|blockquote|pre|hr|img)\\b[^>]*>");
    private static final Pattern BLANK_LINES = Pattern.compile("\\n[ \\t]*(\\n[ \\t]*)+");
    private static final Pattern NUMERIC_ENTITY = Pattern.compile("&#([xX][0-9a-fA-F]{1,6}|[0-9]{1,7});");

    private HtmlText() {
    }

    /** @return the text of sanitised HTML, one line per block (paragraph, item, heading...) */
    static String toText(String html) {
        if (html == null || html.isEmpty()) {
            return "";
        }
        String lines = BLOCK_TAG.matcher(html.replace("\r", "")).replaceAll("\n");
        String text = unescape(TAG.matcher(lines).replaceAll(""));
        return BLANK_LINES.matcher(text).replaceAll("\n").strip();
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /* The sanitiser writes a few characters as entities (e.g. "&#39;", "&#64;"); turn them back into text. */
    static String unescape(String text) {
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
