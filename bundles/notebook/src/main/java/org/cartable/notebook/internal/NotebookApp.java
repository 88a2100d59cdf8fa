package org.cartable.notebook.internal;

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

/** The notebook's entry in the platform's catalogue. */
@Component(service = CartableApp.class)
public final class NotebookApp implements CartableApp {

    /** The app id, also the REST path segment and the first segment of the pages' paths. */
    public static final String ID = "notebook";

    private static final String TEXTS = "org.cartable.notebook.internal.app";

    /*
     * Without fallback control, a locale we have no file for gets the base (French) texts rather than those of the
     * JVM's default locale.
     */
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
        return "📒";
    }

    @Override
    public AppScope scope() {
        return AppScope.CLASS;
    }

    @Override
    public Set<Role> roles() {
        return Set.of(Role.TEACHER, Role.DIRECTOR, Role.PUPIL, Role.PARENT);
    }

    @Override
    public List<NoticeType> noticeTypes() {
        return List.of(new NoticeType(NotebookService.NOTICE_SHARED,
                LocalizedText.render(locale -> text(locale, "notice.shared.label")), EmailDelivery.NEVER));
    }

    private static String text(Locale locale, String key) {
        Locale wanted = locale == null ? Locale.FRENCH : locale;
        return ResourceBundle.getBundle(TEXTS, wanted, NotebookApp.class.getClassLoader(), FRENCH_BASE).getString(key);
    }
}
