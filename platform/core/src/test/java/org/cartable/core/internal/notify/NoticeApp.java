package org.cartable.core.internal.notify;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.cartable.api.AppScope;
import org.cartable.api.CartableApp;
import org.cartable.api.Role;
import org.cartable.api.notify.EmailDelivery;
import org.cartable.api.notify.LocalizedText;
import org.cartable.api.notify.NoticeType;

/** A class app declaring two notice types: "news" mailed at once by default, "digest" in the daily digest. */
record NoticeApp(String id, Set<Role> roles) implements CartableApp {

    static final String NEWS = "test.news";
    static final String DIGEST = "test.digest";

    NoticeApp(String id) {
        this(id, Set.of(Role.TEACHER, Role.DIRECTOR, Role.PUPIL, Role.PARENT));
    }

    @Override
    public String name(Locale locale) {
        return "en".equals(locale.getLanguage()) ? "App " + id : "Appli " + id;
    }

    @Override
    public String description(Locale locale) {
        return id;
    }

    @Override
    public String icon() {
        return "🧪";
    }

    @Override
    public AppScope scope() {
        return AppScope.CLASS;
    }

    @Override
    public List<NoticeType> noticeTypes() {
        return List.of(
                new NoticeType(NEWS, LocalizedText.of(Map.of("fr", "Nouvelles", "en", "News")),
                        EmailDelivery.IMMEDIATE),
                new NoticeType(DIGEST, LocalizedText.of(Map.of("fr", "Résumé", "en", "Summary")),
                        EmailDelivery.DAILY_DIGEST));
    }
}
