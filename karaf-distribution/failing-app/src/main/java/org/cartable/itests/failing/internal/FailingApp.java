package org.cartable.itests.failing.internal;

import java.util.Locale;
import java.util.Set;

import org.cartable.api.AppScope;
import org.cartable.api.CartableApp;
import org.cartable.api.Role;
import org.osgi.service.component.annotations.Component;

/** The catalogue entry: registers fine, like any app's descriptor, while the app's service fails. */
@Component(service = CartableApp.class)
public final class FailingApp implements CartableApp {

    public static final String ID = "failing-app";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name(Locale locale) {
        return "Failing app (test)";
    }

    @Override
    public String description(Locale locale) {
        return "Its schema migration fails on purpose.";
    }

    @Override
    public String icon() {
        return "💥";
    }

    @Override
    public AppScope scope() {
        // operators only: no class or family ever sees this fixture
        return AppScope.OPERATOR;
    }

    @Override
    public Set<Role> roles() {
        return Set.of(Role.OPERATOR);
    }
}
