package org.cartable.wiki.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;

/**
 * Word comparison of two versions (title and text), with java-diff-utils' Myers diff over word and space tokens.
 * Every token is HTML-escaped before it is wrapped, so the result holds no markup but {@code <ins>}, {@code <del>}
 * and {@code <br>}, whatever the versions contain.
 */
final class WikiDiff {

    /* A line break, a run of other spaces, a word (letters, marks, digits, inner apostrophes) or one other sign. */
    private static final Pattern TOKEN = Pattern.compile(
            "\\n|[^\\S\\n]+|[\\p{L}\\p{M}\\p{N}]+(?:['’][\\p{L}\\p{M}\\p{N}]+)*|.", Pattern.DOTALL);
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}\\p{N}].*", Pattern.DOTALL);

    /** What the comparison found: the marked-up text and the counts of words added and removed. */
    record Result(String html, int added, int removed) {
    }

    private WikiDiff() {
    }

    static Result compare(String oldTitle, String oldHtml, String newTitle, String newHtml) {
        return compareText(oldTitle + "\n\n" + HtmlText.toText(oldHtml), newTitle + "\n\n" + HtmlText.toText(newHtml));
    }

    static Result compareText(String oldText, String newText) {
        List<String> before = tokens(oldText);
        List<String> after = tokens(newText);
        Patch<String> patch = DiffUtils.diff(before, after);
        StringBuilder html = new StringBuilder();
        int added = 0;
        int removed = 0;
        int position = 0;
        for (AbstractDelta<String> delta : patch.getDeltas()) {
            int start = delta.getSource().getPosition();
            append(html, before.subList(position, start));
            List<String> gone = delta.getSource().getLines();
            List<String> come = delta.getTarget().getLines();
            if (!gone.isEmpty()) {
                html.append("<del>");
                append(html, gone);
                html.append("</del>");
                removed += words(gone);
            }
            if (!come.isEmpty()) {
                html.append("<ins>");
                append(html, come);
                html.append("</ins>");
                added += words(come);
            }
            position = start + gone.size();
        }
        append(html, before.subList(position, before.size()));
        return new Result(html.toString(), added, removed);
    }

    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(text.replace("\r", ""));
        while (matcher.find()) {
            tokens.add(matcher.group());
        }
        return tokens;
    }

    private static void append(StringBuilder html, List<String> tokens) {
        for (String token : tokens) {
            html.append(token.equals("\n") ? "<br>" : HtmlText.escape(token));
        }
    }

    private static int words(List<String> tokens) {
        return (int) tokens.stream().filter(t -> WORD.matcher(t).matches()).count();
    }
}
