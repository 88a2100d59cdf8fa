package org.cartable.rest.internal.resources;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

class LanguagesTest {

    @Test
    void frenchByDefault() {
        assertEquals("fr", Languages.pick(List.of()).getLanguage());
        assertEquals("fr", Languages.pick(List.of(Locale.GERMAN, Locale.ITALIAN)).getLanguage());
        assertEquals("fr", Languages.pick(List.of(new Locale("*"))).getLanguage());
    }

    @Test
    void firstSupportedLanguageWins() {
        assertEquals("en", Languages.pick(List.of(Locale.GERMAN, Locale.UK, Locale.FRENCH)).getLanguage());
        assertEquals("fr", Languages.pick(List.of(Locale.CANADA_FRENCH, Locale.ENGLISH)).getLanguage());
    }
}
