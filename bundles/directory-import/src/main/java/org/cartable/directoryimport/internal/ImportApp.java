package org.cartable.directoryimport.internal;

import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;

import org.cartable.api.AppScope;
import org.cartable.api.CartableApp;
import org.cartable.api.Role;
import org.osgi.service.component.annotations.Component;

/** The directory import tool in the platform's catalogue: an operator tool. */
@Component(service = CartableApp.class)
public final class ImportApp implements CartableApp {

    /** The app id: REST under /api/tools/import, pages under /app/import. */
    public static final String ID = "import";

    private static final String TEXTS = "org.cartable.directoryimport.internal.app";

    /* A locale without its own file gets the base (French) texts, not the JVM default locale's. */
    private static final ResourceBundle.Control FRENCH_BASE =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name(Locale locale) {
        return text(locale, "name");
    }

    @Override
    public String description(Locale locale) {
        return text(locale, "description");
    }

    @Override
    public String icon() {
        return "📥";
    }

    @Override
    public AppScope scope() {
        return AppScope.OPERATOR;
    }

    @Override
    public Set<Role> roles() {
        return Set.of(Role.OPERATOR, Role.PLATFORM_ADMIN);
    }

    private static String text(Locale locale, String key) {
        Locale wanted = locale == null ? Locale.FRENCH : locale;
        return ResourceBundle.getBundle(TEXTS, wanted, ImportApp.class.getClassLoader(), FRENCH_BASE).getString(key);
    }
}
