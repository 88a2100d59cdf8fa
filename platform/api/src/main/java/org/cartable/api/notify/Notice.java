package org.cartable.api.notify;

import java.util.Objects;

/**
 * Something that happened in an app, for some people's feeds.
 *
 * @param appId    the publishing app ({@code CartableApp#id()})
 * @param type     one of the app's {@link NoticeType#id() notice types}; people choose e-mail delivery per type
 * @param classId  the class it happened in, or null for an app that is not class-scoped
 * @param actorId  the person who caused it (never notified of their own action), or null
 * @param audience who receives it
 * @param text     what happened, one line per language, plain text (it stays readable after the app is gone)
 * @param link     where to read it, a path below {@code /app/} such as {@code "homework/<classId>?date=2026-12-01"},
 *                 or null
 */
public record Notice(String appId, String type, String classId, String actorId, Audience audience,
                     LocalizedText text, String link) {

    public Notice {
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(text, "text");
        if (link != null && (link.startsWith("/") || link.contains("://"))) {
            throw new IllegalArgumentException("link must be a path below /app/: " + link);
        }
    }
}
