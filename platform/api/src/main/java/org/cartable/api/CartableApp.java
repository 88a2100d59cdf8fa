package org.cartable.api;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.cartable.api.notify.NoticeType;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * An app declares itself by registering this service. The platform lists it in the catalogue while the service is
 * registered and forgets it (menus, tiles) as soon as it goes; its data stays in its own tables.
 * <p>
 * The version shown in the catalogue is the version of the bundle that registers the service.
 */
@ConsumerType
public interface CartableApp {

    /** @return stable id, lower case letters, digits and dashes; also the REST path segment ("blog") */
    String id();

    /** @return the app's name in the given language (falls back to French) */
    String name(Locale locale);

    /** @return one sentence telling a teacher what the app is for, in the given language */
    String description(Locale locale);

    /** @return a short symbol shown on the app's tile (an emoji, e.g. "📝") */
    String icon();

    /** @return where the app lives; only {@link AppScope#CLASS} apps are enabled per class */
    AppScope scope();

    /** @return the roles that use the app */
    Set<Role> roles();

    /** @return the kinds of notices the app publishes, so people can choose how each reaches them */
    default List<NoticeType> noticeTypes() {
        return List.of();
    }
}
