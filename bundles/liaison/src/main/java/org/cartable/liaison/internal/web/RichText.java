package org.cartable.liaison.internal.web;

import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.wicket.util.string.Strings;

/** What a textarea gives, as HTML. Nothing here makes HTML safe: the service sanitises everything it stores. */
final class RichText {

    private static final Pattern LOOKS_LIKE_HTML = Pattern.compile("<[a-zA-Z/!]");
    private static final Pattern BLANK_LINES = Pattern.compile("\\R\\s*\\R");

    private RichText() {
    }

    /**
     * Text without any tag is plain text (escaped, blank lines make paragraphs, line breaks stay); anything else is
     * the HTML the writer meant.
     */
    static String fromTextarea(String input) {
        if (input == null || LOOKS_LIKE_HTML.matcher(input).find()) {
            return input;
        }
        return Arrays.stream(BLANK_LINES.split(input.strip()))
                .map(paragraph -> "<p>" + Strings.escapeMarkup(paragraph.strip()).toString()
                        .replaceAll("\\R", "<br>") + "</p>")
                .collect(Collectors.joining());
    }
}
