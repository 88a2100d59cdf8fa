package org.cartable.core.internal.notify;

import java.time.Clock;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;

import org.apache.aries.jpa.template.JpaTemplate;
import org.cartable.api.Caller;
import org.cartable.api.CartableApp;
import org.cartable.api.CartableException;
import org.cartable.api.ChildInfo;
import org.cartable.api.Directory;
import org.cartable.api.PersonSummary;
import org.cartable.api.notify.EmailDelivery;
import org.cartable.api.notify.NoticeType;
import org.cartable.core.internal.model.FeedItem;
import org.cartable.core.internal.model.NotificationPreference;
import org.cartable.core.internal.model.Person;
import org.cartable.core.internal.schema.CoreSchema;
import org.cartable.core.service.AppCatalog;
import org.cartable.core.service.InstalledApp;
import org.cartable.core.service.NotificationFeed;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Each person's feed and preferences, always those of the caller: there is no way to name another person. */
@Component(service = NotificationFeed.class)
public final class PersonalFeed implements NotificationFeed {

    static final int EMAIL_MAX = 254;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s\"<>,;]+@[^@\\s\"<>,;]+\\.[^@\\s\"<>,;.]+");
    private static final String NOT_FOUND = "Item not found.";

    private final JpaTemplate jpa;
    private final Directory directory;
    private final AppCatalog catalog;
    private final Clock clock;

    @Activate
    public PersonalFeed(@Reference CoreSchema schema, @Reference(target = CoreSchema.UNIT_FILTER) JpaTemplate jpa,
                        @Reference Directory directory, @Reference AppCatalog catalog) {
        this(jpa, directory, catalog, Clock.systemUTC());
    }

    /** Builds the component outside OSGi (tests, tools) from already resolved collaborators. */
    public static PersonalFeed create(JpaTemplate jpa, Directory directory, AppCatalog catalog, Clock clock) {
        return new PersonalFeed(jpa, directory, catalog, clock);
    }

    private PersonalFeed(JpaTemplate jpa, Directory directory, AppCatalog catalog, Clock clock) {
        this.jpa = jpa;
        this.directory = directory;
        this.catalog = catalog;
        this.clock = clock;
    }

    // ------------------------------------------------------------------------------------------------------ feed

    @Override
    public Feed feed(Caller caller, String appId, boolean unreadOnly, int limit, Locale locale) {
        String me = me(caller);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw CartableException.badRequest("'limit' must be between 1 and " + MAX_LIMIT + ".");
        }
        return jpa.txExpr(em -> {
            String filter = (appId != null ? " and i.appId = :app" : "") + (unreadOnly ? " and i.readAt is null" : "");
            TypedQuery<FeedItem> query = em.createQuery("select i from FeedItem i where i.recipientId = :me" + filter
                    + " order by i.createdAt desc, i.id desc", FeedItem.class).setParameter("me", me);
            if (appId != null) {
                query.setParameter("app", appId);
            }
            List<FeedItem> items = query.setMaxResults(limit).getResultList();
            return new Feed(unread(em, me), entries(me, items, locale));
        });
    }

    private List<Entry> entries(String me, List<FeedItem> items, Locale locale) {
        String language = language(locale);
        Map<String, String> childNames = childNames(me, items);
        Map<String, Optional<CartableApp>> apps = new HashMap<>();
        List<Entry> entries = new ArrayList<>();
        for (FeedItem item : items) {
            CartableApp app = apps.computeIfAbsent(item.getAppId(),
                    id -> catalog.find(id).map(InstalledApp::app)).orElse(null);
            entries.add(new Entry(item.getId(), item.getAppId(), app == null ? null : app.name(locale),
                    app == null ? null : app.icon(), item.getType(), item.getClassId(), item.getChildId(),
                    item.getChildId() == null ? null : childNames.get(item.getChildId()), item.text(language),
                    app == null ? null : item.getLink(), item.getCreatedAt(), item.getReadAt() != null));
        }
        return entries;
    }

    @Override
    public Entry open(Caller caller, String itemId, Locale locale) {
        String me = me(caller);
        FeedItem item = jpa.txExpr(em -> {
            FeedItem found = itemId == null ? null : em.find(FeedItem.class, itemId);
            if (found == null || !found.getRecipientId().equals(me)) {
                throw CartableException.notFound(NOT_FOUND);
            }
            found.markRead(clock.instant());
            return found;
        });
        return entries(me, List.of(item), locale).get(0);
    }

    /** A parent's children in one directory call; a child no longer linked is looked up alone. */
    private Map<String, String> childNames(String me, List<FeedItem> items) {
        Map<String, String> names = new HashMap<>();
        if (items.stream().noneMatch(i -> i.getChildId() != null)) {
            return names;
        }
        for (ChildInfo child : directory.childrenOf(me)) {
            names.put(child.child().id(), firstName(child.child().displayName()));
        }
        for (FeedItem item : items) {
            if (item.getChildId() != null && !names.containsKey(item.getChildId())) {
                names.put(item.getChildId(), directory.person(item.getChildId())
                        .map(PersonSummary::displayName).map(PersonalFeed::firstName).orElse(null));
            }
        }
        return names;
    }

    /** "Pour Léa": parents name their children by first name (display names are "first last"). */
    private static String firstName(String displayName) {
        int space = displayName.indexOf(' ');
        return space > 0 ? displayName.substring(0, space) : displayName;
    }

    @Override
    public int unreadCount(Caller caller) {
        String me = me(caller);
        return jpa.txExpr(em -> unread(em, me));
    }

    /**
     * {@code count(*)}, not {@code count(i)}: Hibernate turns the latter into {@code count(ID)}, and the id is not in
     * the unread index, so Derby would fetch every unread row to count it.
     */
    private static int unread(EntityManager em, String me) {
        return em.createQuery("select count(*) from FeedItem i where i.recipientId = :me and i.readAt is null",
                Long.class).setParameter("me", me).getSingleResult().intValue();
    }

    @Override
    public void markRead(Caller caller, String itemId) {
        String me = me(caller);
        jpa.tx(em -> {
            FeedItem item = itemId == null ? null : em.find(FeedItem.class, itemId);
            if (item == null || !item.getRecipientId().equals(me)) {
                throw CartableException.notFound(NOT_FOUND);
            }
            item.markRead(clock.instant());
        });
    }

    @Override
    public void markAllRead(Caller caller, String appId) {
        String me = me(caller);
        jpa.tx(em -> {
            var update = em.createQuery("update FeedItem i set i.readAt = :now where i.recipientId = :me"
                            + " and i.readAt is null" + (appId != null ? " and i.appId = :app" : ""))
                    .setParameter("now", clock.instant()).setParameter("me", me);
            if (appId != null) {
                update.setParameter("app", appId);
            }
            update.executeUpdate();
        });
    }

    // ------------------------------------------------------------------------------------------------ preferences

    /** A notice type the caller may choose for: of an installed app that one of their roles uses. */
    private record Known(InstalledApp app, NoticeType type) {
        String key() {
            return key(app.id(), type.id());
        }

        static String key(String appId, String typeId) {
            return appId + "\n" + typeId;
        }
    }

    private List<Known> knownTypes(Caller caller) {
        List<Known> known = new ArrayList<>();
        for (InstalledApp app : catalog.installed()) {
            if (app.app().roles() == null || caller.roles().stream().noneMatch(app.app().roles()::contains)) {
                continue;
            }
            List<NoticeType> types;
            try {
                types = app.app().noticeTypes();
            } catch (RuntimeException broken) {
                continue;
            }
            if (types != null) {
                types.forEach(t -> known.add(new Known(app, t)));
            }
        }
        return known;
    }

    @Override
    public Preferences preferences(Caller caller, Locale locale) {
        String me = me(caller);
        List<Known> known = knownTypes(caller);
        return jpa.txExpr(em -> {
            Person person = person(em, me);
            Map<String, EmailDelivery> choices = choices(em, me);
            List<TypeChoice> types = known.stream().map(k -> new TypeChoice(k.app().id(), k.app().app().name(locale),
                    k.type().id(), k.type().label().in(locale),
                    choices.getOrDefault(k.key(), k.type().defaultEmail()).name())).toList();
            QuietHours quiet = person.getQuietFrom() == null ? null
                    : new QuietHours(person.getQuietFrom(), person.getQuietTo());
            return new Preferences(person.getEmail(), quiet, types);
        });
    }

    @Override
    public void updatePreferences(Caller caller, Preferences wanted, Locale locale) {
        String me = me(caller);
        if (wanted == null) {
            throw CartableException.badRequest("A body with 'email', 'quietHours' and 'types' is required.");
        }
        String email = email(wanted.email());
        QuietHours quiet = quietHours(wanted.quietHours());
        Map<String, Known> known = new LinkedHashMap<>();
        knownTypes(caller).forEach(k -> known.put(k.key(), k));
        Map<String, EmailDelivery> changes = new LinkedHashMap<>();
        for (TypeChoice choice : wanted.types()) {
            if (choice == null || choice.appId() == null || choice.type() == null
                    || !known.containsKey(Known.key(choice.appId(), choice.type()))) {
                throw CartableException.badRequest("Unknown notice type '" + (choice == null ? null : choice.type())
                        + "' of app '" + (choice == null ? null : choice.appId()) + "'.");
            }
            changes.put(Known.key(choice.appId(), choice.type()), delivery(choice.email()));
        }
        String language = language(locale);
        jpa.tx(em -> {
            Person person = person(em, me);
            person.setEmail(email);
            person.setQuietHours(quiet == null ? null : quiet.from(), quiet == null ? null : quiet.to());
            person.setLanguage(language);
            Map<String, NotificationPreference> stored = new HashMap<>();
            em.createQuery("select p from NotificationPreference p where p.personId = :me",
                    NotificationPreference.class).setParameter("me", me).getResultList()
                    .forEach(p -> stored.put(Known.key(p.getAppId(), p.getType()), p));
            changes.forEach((key, delivery) -> {
                NotificationPreference row = stored.get(key);
                if (row != null) {
                    row.setEmail(delivery);
                } else {
                    Known k = known.get(key);
                    em.persist(new NotificationPreference(me, k.app().id(), k.type().id(), delivery));
                }
            });
        });
    }

    private static Map<String, EmailDelivery> choices(EntityManager em, String me) {
        Map<String, EmailDelivery> choices = new HashMap<>();
        em.createQuery("select p from NotificationPreference p where p.personId = :me", NotificationPreference.class)
                .setParameter("me", me).getResultList()
                .forEach(p -> choices.put(Known.key(p.getAppId(), p.getType()), p.getEmail()));
        return choices;
    }

    static String email(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String email = raw.strip();
        if (email.length() > EMAIL_MAX || !EMAIL.matcher(email).matches()) {
            throw CartableException.badRequest("'email' is not a valid e-mail address: " + shorten(email));
        }
        return email;
    }

    static QuietHours quietHours(QuietHours raw) {
        if (raw == null || (raw.from() == null && raw.to() == null)) {
            return null;
        }
        LocalTime from = MailSchedule.parse(raw.from());
        LocalTime to = MailSchedule.parse(raw.to());
        if (from == null || to == null) {
            throw CartableException.badRequest(
                    "'quietHours' needs 'from' and 'to' as times HH:mm between 00:00 and 23:59, e.g. 20:00 and 07:00.");
        }
        if (from.equals(to)) {
            throw CartableException.badRequest("'quietHours' must start and end at different times.");
        }
        return new QuietHours(MailSchedule.HH_MM.format(from), MailSchedule.HH_MM.format(to));
    }

    static EmailDelivery delivery(String raw) {
        try {
            return EmailDelivery.valueOf(raw == null ? "" : raw.strip());
        } catch (IllegalArgumentException e) {
            throw CartableException.badRequest("'email' of a type must be NEVER, IMMEDIATE or DAILY_DIGEST, not '"
                    + shorten(raw) + "'.");
        }
    }

    private static String shorten(String text) {
        return text == null || text.length() <= 60 ? text : text.substring(0, 60) + "…";
    }

    // ------------------------------------------------------------------------------------------------------ util

    private static String me(Caller caller) {
        if (caller == null) {
            throw CartableException.unauthorized("Sign in first.");
        }
        return caller.userId();
    }

    private static Person person(EntityManager em, String me) {
        Person person = em.find(Person.class, me);
        if (person == null) {
            throw CartableException.unauthorized("Sign in first.");
        }
        return person;
    }

    static String language(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? "en" : "fr";
    }
}
