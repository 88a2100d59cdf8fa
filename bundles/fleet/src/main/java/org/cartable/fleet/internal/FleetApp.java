package org.cartable.fleet.internal;

import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;

import org.cartable.api.AppScope;
import org.cartable.api.CartableApp;
import org.cartable.api.Role;
import org.cartable.api.notify.EmailDelivery;
import org.cartable.api.notify.LocalizedText;
import org.cartable.api.notify.NoticeType;
import org.osgi.service.component.annotations.Component;

/** The fleet's entry in the platform's catalogue: a school-scoped tool. */
@Component(service = CartableApp.class)
public final class FleetApp implements CartableApp {

    /** The app id, also the REST segment after {@code /api/tools/} and the first segment of the pages' paths. */
    public static final String ID = "fleet";

    /** Notice sent to whoever opened a ticket when it is solved. */
    public static final String NOTICE_TICKET = "fleet.ticket";

    private static final String TEXTS = "org.cartable.fleet.internal.app";

    /* Without fallback control, a locale we have no file for would get the JVM default locale's texts. */
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
        return "💻";
    }

    @Override
    public AppScope scope() {
        return AppScope.SCHOOL;
    }

    @Override
    public Set<Role> roles() {
        return Set.of(Role.OPERATOR, Role.PLATFORM_ADMIN, Role.COLLECTIVITY_ADMIN, Role.DIRECTOR, Role.TEACHER);
    }

    @Override
    public List<NoticeType> noticeTypes() {
        return List.of(new NoticeType(NOTICE_TICKET, LocalizedText.render(locale -> text(locale, "notice.ticket")),
                EmailDelivery.NEVER));
    }

    static String text(Locale locale, String key) {
        Locale wanted = locale == null ? Locale.FRENCH : locale;
        return ResourceBundle.getBundle(TEXTS, wanted, FleetApp.class.getClassLoader(), FRENCH_BASE).getString(key);
    }
}
