package org.cartable.rest.internal.resources;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import javax.ws.rs.core.HttpHeaders;

/** Picks the language of catalogue texts from {@code Accept-Language}: French or English, French by default. */
final class Languages {

    static final Locale DEFAULT = Locale.FRENCH;

    private static final Set<String> SUPPORTED = Set.of("fr", "en");

    private Languages() {
    }

    /**
     * @return the language for the request; a malformed {@code Accept-Language} (which makes JAX-RS throw while
     *         parsing it) falls back to French: a language preference is never worth refusing a request
     */
    static Locale pick(HttpHeaders headers) {
        List<Locale> acceptable;
        try {
            acceptable = headers.getAcceptableLanguages();
        } catch (RuntimeException malformedHeader) {
            return DEFAULT;
        }
        return pick(acceptable);
    }

    /** @param acceptable the client's languages, most preferred first (as JAX-RS sorts them) */
    static Locale pick(List<Locale> acceptable) {
        for (Locale locale : acceptable) {
            String language = locale.getLanguage();
            if ("*".equals(language) || language.isEmpty()) {
                return DEFAULT;
            }
            if (SUPPORTED.contains(language)) {
                return Locale.forLanguageTag(language);
            }
        }
        return DEFAULT;
    }
}
