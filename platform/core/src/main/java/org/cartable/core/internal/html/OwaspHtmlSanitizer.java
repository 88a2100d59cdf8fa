package org.cartable.core.internal.html;

import java.util.regex.Pattern;

import org.cartable.api.HtmlSanitizer;
import org.osgi.service.component.annotations.Component;
import org.owasp.html.AttributePolicy;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * An allow-list policy: what is not listed here (scripts, event handlers, styles, frames, SVG, forms) is dropped.
 * The policy is immutable and thread-safe, so one instance serves every caller.
 */
@Component(service = HtmlSanitizer.class)
public final class OwaspHtmlSanitizer implements HtmlSanitizer {

    private static final Pattern LINK_URL = Pattern.compile("(?i)^(https?://|mailto:)[^\\s]*$");
    /** Raster images only: an SVG data URL could carry script when opened on its own. */
    private static final Pattern DATA_IMAGE = Pattern.compile("(?i)^data:image/(png|jpeg|gif|webp);base64,[a-z0-9+/=]+$");
    private static final Pattern NUMBER = Pattern.compile("^[0-9]{1,4}$");

    private static final AttributePolicy LINK_TARGET = (element, attribute, value) ->
            LINK_URL.matcher(value.trim()).matches() ? value.trim() : null;
    /*
     * Embedded raster images only. A remote (http/https) image is fetched by every reader's browser, so its server
     * would learn the IP address and reading times of each pupil; a relative URL would point at our own endpoints
     * with the reader's cookies. Neither is needed: editors embed pictures as data URLs.
     */
    private static final AttributePolicy IMAGE_SOURCE = (element, attribute, value) -> {
        String url = value.replaceAll("\\s", "");
        return DATA_IMAGE.matcher(url).matches() ? url : null;
    };

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "hr", "div", "span", "blockquote", "pre", "code",
                    "h1", "h2", "h3", "h4", "h5", "h6",
                    "b", "strong", "i", "em", "u", "s", "strike", "sub", "sup", "small", "mark", "del", "ins",
                    "ul", "ol", "li", "dl", "dt", "dd",
                    "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td",
                    "a", "img")
            // data: must pass the global protocol check; the per-attribute policies above narrow it down.
            .allowUrlProtocols("http", "https", "mailto", "data")
            .allowAttributes("href").matching(LINK_TARGET).onElements("a")
            .allowAttributes("title").globally()
            .requireRelsOnLinks("nofollow", "noopener")
            .allowAttributes("src").matching(IMAGE_SOURCE).onElements("img")
            .allowAttributes("alt").onElements("img")
            .allowAttributes("width", "height").matching(NUMBER).onElements("img")
            .allowAttributes("colspan", "rowspan").matching(NUMBER).onElements("td", "th")
            .allowAttributes("start").matching(NUMBER).onElements("ol")
            .toFactory();

    @Override
    public String sanitize(String html) {
        if (html == null || html.isEmpty()) {
            return "";
        }
        return POLICY.sanitize(html);
    }
}
