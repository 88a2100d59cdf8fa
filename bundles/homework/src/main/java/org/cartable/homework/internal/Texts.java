package org.cartable.homework.internal;

import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import org.cartable.api.AppTexts;

/** The app's texts outside the pages (catalogue, notices, calendar), French unless English is asked for. */
public final class Texts {

    private static final String BUNDLE = "org.cartable.homework.internal.texts";

    private Texts() {
    }

    public static String get(Locale locale, String key) {
        Locale wanted = locale == null ? Locale.FRENCH : locale;
        return AppTexts.bundle(BUNDLE, wanted, Texts.class).getString(key);
    }

    public static String format(Locale locale, String key, Object... arguments) {
        return new MessageFormat(get(locale, key), locale == null ? Locale.FRENCH : locale).format(arguments);
    }

    public static String subject(Locale locale, Subject subject) {
        return get(locale, "subject." + subject.name());
    }

    /** "mardi 1 décembre" / "Tuesday, December 1". */
    public static String longDate(Locale locale, LocalDate date) {
        Locale wanted = locale == null ? Locale.FRENCH : locale;
        String pattern = "fr".equals(wanted.getLanguage()) ? "EEEE d MMMM" : "EEEE, MMMM d";
        return DateTimeFormatter.ofPattern(pattern, wanted).format(date);
    }

    /** "01/12/2026" / "Dec 1, 2026". */
    public static String shortDate(Locale locale, LocalDate date) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale == null ? Locale.FRENCH : locale)
                .format(date);
    }
}
