package org.cartable.billing.internal;

import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;

import org.cartable.api.AppScope;
import org.cartable.api.CartableApp;
import org.cartable.api.Role;
import org.osgi.service.component.annotations.Component;

/** The billing tool's entry in the platform's catalogue: an operator app. */
@Component(service = CartableApp.class)
public final class BillingApp implements CartableApp {

    /** The app id, also the REST path segment under /api/tools and the first segment of the pages' paths. */
    public static final String ID = "billing";

    private static final String TEXTS = "org.cartable.billing.internal.app";

    /* A locale we have no file for gets the base (French) texts rather than those of the JVM's default locale. */
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
        return "🧾";
    }

    @Override
    public AppScope scope() {
        return AppScope.OPERATOR;
    }

    @Override
    public Set<Role> roles() {
        return Set.of(Role.OPERATOR, Role.PLATFORM_ADMIN, Role.COLLECTIVITY_ADMIN);
    }

    private static String text(Locale locale, String key) {
        Locale wanted = locale == null ? Locale.FRENCH : locale;
        return ResourceBundle.getBundle(TEXTS, wanted, BillingApp.class.getClassLoader(), FRENCH_BASE)
                .getString(key);
    }
}
