package org.cartable.blog.internal;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.cartable.api.AppScope;
import org.cartable.api.AppTexts;
import org.cartable.api.CartableApp;
import org.cartable.api.Role;
import org.cartable.api.notify.EmailDelivery;
import org.cartable.api.notify.LocalizedText;
import org.cartable.api.notify.NoticeType;
import org.osgi.service.component.annotations.Component;

/** The blog's entry in the platform's catalogue. */
@Component(service = CartableApp.class)
public final class BlogApp implements CartableApp {

    /** The app id, also the REST path segment and the first segment of the pages' paths. */
    public static final String ID = "blog";

    /** A post was published: for the class's pupils and their parents. */
    public static final String POST_PUBLISHED = "blog.post-published";
    /** A teacher published the post a pupil submitted: for that pupil. */
    public static final String POST_APPROVED = "blog.post-approved";
    /** A comment waits for approval: for the class's teachers. */
    public static final String COMMENT_PENDING = "blog.comment-pending";

    private static final String TEXTS = "org.cartable.blog.internal.app";


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
        return "📝";
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
                type(POST_PUBLISHED, EmailDelivery.DAILY_DIGEST),
                type(POST_APPROVED, EmailDelivery.IMMEDIATE),
                type(COMMENT_PENDING, EmailDelivery.IMMEDIATE));
    }

    private static NoticeType type(String id, EmailDelivery defaultEmail) {
        return new NoticeType(id, LocalizedText.render(locale -> text(locale, key(id) + ".label")), defaultEmail);
    }

    /** "blog.post-published" → "notice.post-published" */
    static String key(String typeId) {
        return "notice." + typeId.substring(typeId.indexOf('.') + 1);
    }

    /** @return the notice's text in every language, the post's title filled in */
    static LocalizedText noticeText(String typeId, String title) {
        return LocalizedText.render(locale -> String.format(locale, text(locale, key(typeId) + ".text"), title));
    }

    static String text(Locale locale, String key) {
        Locale wanted = locale == null ? Locale.FRENCH : locale;
        return AppTexts.bundle(TEXTS, wanted, BlogApp.class).getString(key);
    }
}
