package org.cartable.wiki.internal;

import java.text.MessageFormat;
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

/** The wiki's entry in the platform's catalogue, with the kinds of notices it publishes. */
@Component(service = CartableApp.class)
public final class WikiApp implements CartableApp {

    /** The app id, also the REST path segment and the first segment of the pages' paths. */
    public static final String ID = "wiki";

    /** A pupil changed or created a page; to the class's teachers. */
    public static final String PAGE_CHANGED = "wiki.page-changed";
    /** A pupil commented on a page; to the class's teachers. */
    public static final String COMMENT = "wiki.comment";

    private static final String TEXTS = "org.cartable.wiki.internal.app";

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
        return "📚";
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
        // Feed only for edits (a busy class edits a lot), a daily digest for comments.
        return List.of(
                new NoticeType(PAGE_CHANGED, LocalizedText.render(l -> text(l, "notice.page-changed.label")),
                        EmailDelivery.NEVER),
                new NoticeType(COMMENT, LocalizedText.render(l -> text(l, "notice.comment.label")),
                        EmailDelivery.DAILY_DIGEST));
    }

    /** @return a text of the app's bundle in the language, with its {0}, {1}... filled in */
    static String text(Locale locale, String key, Object... arguments) {
        Locale wanted = locale == null ? Locale.FRENCH : locale;
        String pattern = ResourceBundle.getBundle(TEXTS, wanted, WikiApp.class.getClassLoader(), FRENCH_BASE)
                .getString(key);
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, wanted).format(arguments);
    }
}
