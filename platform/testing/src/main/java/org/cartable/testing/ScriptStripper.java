package org.cartable.testing;

import java.util.regex.Pattern;

import org.cartable.api.HtmlSanitizer;

/** Removes script elements: enough to see that a service stores what the sanitiser returns, not what it was given. */
public final class ScriptStripper implements HtmlSanitizer {

    private static final Pattern SCRIPT = Pattern.compile("(?is)<script.*?</script>");

    @Override
    public String sanitize(String html) {
        return html == null ? "" : SCRIPT.matcher(html).replaceAll("");
    }
}
