package org.cartable.api.notify;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * A short plain text in every language the platform speaks. Apps render it once from their own resource bundles, so
 * the text stays readable when the app is later uninstalled.
 */
public final class LocalizedText implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The languages the platform speaks, the first one being the default. */
    public static final List<Locale> LANGUAGES = List.of(Locale.FRENCH, Locale.ENGLISH);

    private final Map<String, String> byLanguage;

    private LocalizedText(Map<String, String> byLanguage) {
        this.byLanguage = Map.copyOf(byLanguage);
    }

    /** @return the text rendered for each of {@link #LANGUAGES} */
    public static LocalizedText render(Function<Locale, String> renderer) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (Locale language : LANGUAGES) {
            String text = renderer.apply(language);
            if (text == null || text.isBlank()) {
                throw new IllegalArgumentException("no text for " + language);
            }
            texts.put(language.getLanguage(), text.strip());
        }
        return new LocalizedText(texts);
    }

    /** @return the text in one language (language code such as "fr") */
    public static LocalizedText of(Map<String, String> byLanguage) {
        if (!byLanguage.containsKey(LANGUAGES.get(0).getLanguage())) {
            throw new IllegalArgumentException("a " + LANGUAGES.get(0) + " text is required");
        }
        return new LocalizedText(byLanguage);
    }

    /** @return the text in that language, else in the default language */
    public String in(Locale locale) {
        String text = byLanguage.get(locale.getLanguage());
        return text != null ? text : byLanguage.get(LANGUAGES.get(0).getLanguage());
    }

    /** @return language code → text */
    public Map<String, String> asMap() {
        return byLanguage;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LocalizedText other && byLanguage.equals(other.byLanguage);
    }

    @Override
    public int hashCode() {
        return byLanguage.hashCode();
    }

    @Override
    public String toString() {
        return byLanguage.toString();
    }
}
