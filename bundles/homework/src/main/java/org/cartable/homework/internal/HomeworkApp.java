package org.cartable.homework.internal;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.cartable.api.AppScope;
import org.cartable.api.CartableApp;
import org.cartable.api.Role;
import org.cartable.api.notify.EmailDelivery;
import org.cartable.api.notify.LocalizedText;
import org.cartable.api.notify.NoticeType;
import org.osgi.service.component.annotations.Component;

/** The homework diary's entry in the platform's catalogue. */
@Component(service = CartableApp.class)
public final class HomeworkApp implements CartableApp {

    /** The app id, also the REST path segment and the first segment of the pages' paths. */
    public static final String ID = "homework";

    /** Notice type: a teacher wrote a new entry. */
    public static final String NOTICE_NEW = "homework.new";
    /** Notice type: a teacher changed an entry. */
    public static final String NOTICE_CHANGED = "homework.changed";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name(Locale locale) {
        return Texts.get(locale, "name");
    }

    @Override
    public String description(Locale locale) {
        return Texts.get(locale, "description");
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
        // New work matters to families the same evening; changes are rarer and just as urgent.
        return List.of(
                new NoticeType(NOTICE_NEW, LocalizedText.render(l -> Texts.get(l, "notice.type.new")),
                        EmailDelivery.DAILY_DIGEST),
                new NoticeType(NOTICE_CHANGED, LocalizedText.render(l -> Texts.get(l, "notice.type.changed")),
                        EmailDelivery.DAILY_DIGEST));
    }
}
