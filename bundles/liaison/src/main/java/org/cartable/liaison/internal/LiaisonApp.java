package org.cartable.liaison.internal;

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

/** The liaison notebook's entry in the platform's catalogue, with the kinds of notices it publishes. */
@Component(service = CartableApp.class)
public final class LiaisonApp implements CartableApp {

    /** The app id, also the REST path segment and the first segment of the pages' paths. */
    public static final String ID = "liaison";

    /** A new word for the parents of the addressed pupils. */
    public static final String NOTICE_WORD = "liaison.word";
    /** A reminder to the parents who have not confirmed a word. */
    public static final String NOTICE_REMINDER = "liaison.reminder";
    /** A parent's reply, for the word's author. */
    public static final String NOTICE_REPLY = "liaison.reply";

    private static final String TEXTS = "org.cartable.liaison.internal.app";

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
        return List.of(
                new NoticeType(NOTICE_WORD, localized("notice.word.label"), EmailDelivery.IMMEDIATE),
                new NoticeType(NOTICE_REMINDER, localized("notice.reminder.label"), EmailDelivery.IMMEDIATE),
                new NoticeType(NOTICE_REPLY, localized("notice.reply.label"), EmailDelivery.DAILY_DIGEST));
    }

    /** The text in every language the platform speaks, with {0}, {1}... filled in. */
    static LocalizedText localized(String key, Object... arguments) {
        return LocalizedText.render(locale -> new MessageFormat(text(locale, key), locale).format(arguments));
    }

    static String text(Locale locale, String key) {
        Locale wanted = locale == null ? Locale.FRENCH : locale;
        return ResourceBundle.getBundle(TEXTS, wanted, LiaisonApp.class.getClassLoader(), FRENCH_BASE).getString(key);
    }
}
