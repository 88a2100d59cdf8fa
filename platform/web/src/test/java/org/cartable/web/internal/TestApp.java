package org.cartable.web.internal;

import java.util.Locale;
import java.util.Set;

import org.cartable.api.AppScope;
import org.cartable.api.CartableApp;
import org.cartable.api.Role;

/** An app descriptor with a French and an English name. */
record TestApp(String id, String nameFr, String nameEn, String icon, AppScope scope) implements CartableApp {

    @Override
    public String name(Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : nameFr;
    }

    @Override
    public String description(Locale locale) {
        return "en".equals(locale.getLanguage()) ? "The " + nameEn + " of the class." : "Le " + nameFr + " de la classe.";
    }

    @Override
    public Set<Role> roles() {
        return Set.of(Role.TEACHER, Role.PUPIL, Role.PARENT);
    }
}
