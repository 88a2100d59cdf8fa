package org.cartable.core.internal.apps;

import java.util.Locale;
import java.util.Set;

import org.cartable.api.AppScope;
import org.cartable.api.CartableApp;
import org.cartable.api.Role;

/** A descriptor as an app bundle would register it; by default used by every member of a class. */
record TestApp(String id, AppScope scope, Set<Role> roles) implements CartableApp {

    TestApp(String id, AppScope scope) {
        this(id, scope, Set.of(Role.TEACHER, Role.DIRECTOR, Role.PUPIL, Role.PARENT));
    }

    @Override
    public String name(Locale locale) {
        return Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? id + " (en)" : id + " (fr)";
    }

    @Override
    public String description(Locale locale) {
        return "Test app " + id;
    }

    @Override
    public String icon() {
        return "🧪";
    }
}
