package org.cartable.wiki.internal.web;

import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.wicket.util.string.Strings;

/** Text helpers for the editor. Nothing here makes HTML safe: the service sanitises everything it stores. */
final class RichText {

    private static final Pattern LOOKS_LIKE_HTML = Pattern.compile("<[a-zA-Z/!]");
    private static final Pattern BLANK_LINES = Pattern.compile("\\R\\s*\\R");

    private RichText() {
    }

    /**
     * What a textarea gives, as HTML: text without any tag is taken as plain text (escaped, blank lines make
     * paragraphs, line breaks stay; "3 < 5" is text), anything else as the HTML the writer meant.
     */
    static String fromTextarea(String input) {
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
}
