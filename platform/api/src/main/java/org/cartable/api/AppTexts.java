package org.cartable.api;

import java.util.Locale;
import java.util.ResourceBundle;

/** An app's texts from its own resource bundles, French when the language asked for has none. */
public final class AppTexts {

    /*
     * Without fallback control, a locale we have no file for would get the texts of the JVM's default locale rather
     * than the base (French) ones.
     */
    private static final ResourceBundle.Control FRENCH_BASE =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private AppTexts() {
    }

    /**
     * @param baseName e.g. {@code "org.cartable.blog.internal.app"} (files {@code app.properties}, {@code app_en...})
     * @param locale   the language wanted, or null for French
     * @param anchor   a class of the app's bundle, whose class loader sees the files
     */
    public static ResourceBundle bundle(String baseName, Locale locale, Class<?> anchor) {
        return ResourceBundle.getBundle(baseName, locale == null ? Locale.FRENCH : locale, anchor.getClassLoader(),
                FRENCH_BASE);
    }
}
