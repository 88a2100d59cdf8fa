package org.cartable.wiki.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.cartable.api.Caller;
import org.cartable.api.CartableException;
import org.cartable.api.ClassAccess;
import org.cartable.api.ClassRelation;
import org.cartable.api.Directory;
import org.cartable.api.HtmlSanitizer;
import org.cartable.api.PersonSummary;
import org.cartable.api.notify.Audience;
import org.cartable.api.notify.LocalizedText;
import org.cartable.api.notify.Notice;
import org.cartable.api.notify.Notifications;
import org.cartable.api.persistence.SchemaMigrator;
import org.cartable.wiki.internal.data.CommentEntity;
import org.cartable.wiki.internal.data.PageEntity;
import org.cartable.wiki.internal.data.SettingsEntity;
import org.cartable.wiki.internal.data.VersionEntity;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The wiki's rules, in one place for REST and web alike. Every method first asks {@link ClassAccess} whether the
 * caller belongs to the class and the wiki is enabled there, then checks the caller's part in it:
 * <ul>
 * <li>every member reads every page of the class's wiki;</li>
 * <li>the staff (teachers, director) create, edit, move and restore pages; pupils too, unless the class's setting
 * "teachers only" is on; parents only read;</li>
 * <li>only the staff delete pages and change the settings; a page with children is not deleted (its children would
 * lose their place): move or delete them first;</li>
 * <li>the staff and the pupils comment (even under "teachers only": that is how pupils suggest); parents read the
 * comments; authors delete their own comments, the staff any.</li>
 * </ul>
 * Every save writes a new immutable version; a save carries the version it started from and is refused with an
 * {@link EditConflict} if someone saved since. The database has the last word: (page, version number) is unique and
 * the page row has an optimistic lock, so two saves racing from the same base cannot both succeed.
 * <p>
 * Refusals follow the platform's conventions: a page of another class is NOT_FOUND; an action the caller's part does
 * not allow is FORBIDDEN; invalid input is BAD_REQUEST; a stale save, a taken title, a move into its own subtree or
 * the deletion of a page with children is CONFLICT.
 */
@Component(service = WikiService.class)
public final class WikiService {

    public static final String CHANGELOG = "db/wiki/changelog.xml";
    public static final int TITLE_MAX = 200;
    public static final int CONTENT_MAX = 100_000;
    public static final int COMMENT_MAX = 5_000;

    private static final Logger LOG = LoggerFactory.getLogger(WikiService.class);
    /* Input far beyond the stored limit is refused before the sanitiser spends time on it. */
    private static final int RAW_INPUT_MAX = 1_000_000;
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    /* Links name pages as [[Title]] or [[Title|text]]: a title cannot hold those signs. */
    private static final Pattern LINK_SIGNS = Pattern.compile("[\\[\\]|]");
    private static final String UNKNOWN_AUTHOR = "—";

    private final JpaTemplate jpa;
    private final ClassAccess classAccess;
    private final Directory directory;
    private final HtmlSanitizer sanitizer;
    private final Clock clock;

    /* Optional and dynamic: the wiki works without the platform's notification feed, and while it restarts. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Notifications notifications;

    /** Brings the tables up to date before the service is registered, so nothing reads an old schema. */
    @Activate
    public WikiService(@Reference(name = "jpa", target = "(osgi.unit.name=cartable-wiki)") JpaTemplate jpa,
                       @Reference(name = "classAccess") ClassAccess classAccess,
                       @Reference(name = "directory") Directory directory,
                       @Reference(name = "sanitizer") HtmlSanitizer sanitizer,
                       @Reference(name = "migrator") SchemaMigrator migrator,
                       BundleContext context) {
        this(jpa, classAccess, directory, sanitizer, Clock.systemUTC(), null);
        migrator.migrate(context.getBundle(), CHANGELOG);
    }

    /** For tests, on a schema migrated by the test, with a controlled clock and a notification fake (or none). */
    WikiService(JpaTemplate jpa, ClassAccess classAccess, Directory directory, HtmlSanitizer sanitizer, Clock clock,
                Notifications notifications) {
        this.jpa = jpa;
        this.classAccess = classAccess;
        this.directory = directory;
        this.sanitizer = sanitizer;
        this.clock = clock;
        this.notifications = notifications;
    }

    // ---------------------------------------------------------------------------------------------------- reading

    /** @return the wiki: settings and the page tree from the home page, which is created on first access */
    public WikiOverview overview(Caller caller, String classId) {
        Member me = member(caller, classId);
        ensureHome(classId);
        return jpa.txExpr(em -> {
            WikiSettings settings = settings(em, classId);
            return new WikiOverview(classId, settings, tree(em, classId), me.mayEdit(settings), me.staff());
        });
    }

    /** @return the id of the class's home page, created on first access */
    public String homeId(Caller caller, String classId) {
        member(caller, classId);
        return ensureHome(classId);
    }

    /** @return the page with its comments */
    public WikiPage page(Caller caller, String classId, String pageId) {
        Member me = member(caller, classId);
        return jpa.txExpr(em -> view(em, me, page(em, me, pageId)));
    }

    /** @return the page of the class with that title (case-insensitive), if there is one */
    public Optional<String> findByTitle(Caller caller, String classId, String title) {
        member(caller, classId);
        if (title == null || title.isBlank()) {
            return Optional.empty();
        }
        return jpa.txExpr(em -> pageIdByTitle(em, classId).apply(PageEntity.titleKey(title)));
    }

    /** @return the wiki's settings (defaults until a teacher changes them) */
    public WikiSettings settings(Caller caller, String classId) {
        member(caller, classId);
        return jpa.txExpr(em -> settings(em, classId));
    }

    // ---------------------------------------------------------------------------------------------------- settings

    /** Staff only. */
    public WikiSettings updateSettings(Caller caller, String classId, WikiSettings settings) {
        Member me = member(caller, classId);
        if (!me.staff()) {
            throw CartableException.forbidden("Only the class's teachers change the wiki's settings.");
        }
        if (settings == null) {
            throw CartableException.badRequest("Send the settings.");
        }
        return jpa.txExpr(em -> {
            SettingsEntity entity = em.find(SettingsEntity.class, classId);
            if (entity == null) {
                entity = new SettingsEntity(classId);
                entity.update(settings.teachersOnly(), now());
                em.persist(entity);
            } else {
                entity.update(settings.teachersOnly(), now());
            }
            return new WikiSettings(entity.teachersOnly());
        });
    }

    // ---------------------------------------------------------------------------------------------------- pages

    /** Editors: a new page (version 1) under the parent, last among its siblings; under the home page by default. */
    public WikiPage createPage(Caller caller, String classId, String title, String content, String parentId) {
        Member me = member(caller, classId);
        String cleanTitle = title(title);
        String cleanContent = content(content);
        String homeId = ensureHome(classId);
        Saved saved = writing(() -> jpa.txExpr(em -> {
            requireEditor(me, settings(em, classId));
            PageEntity parent = page(em, me, parentId == null || parentId.isBlank() ? homeId : parentId);
            requireFreeTitle(em, classId, cleanTitle, null);
            Instant now = now();
            PageEntity page = new PageEntity(UUID.randomUUID().toString(), classId, parent.id(),
                    children(em, parent.id()).size(), cleanTitle, false, now);
            em.persist(page);
            VersionEntity first = new VersionEntity(UUID.randomUUID().toString(), page.id(), 1, cleanTitle,
                    cleanContent, me.id(), now, null);
            em.persist(first);
            page.apply(first);
            em.flush();
            return new Saved(view(em, me, page), changeNotice(me, page, null));
        }), () -> CartableException.conflict("A page titled \"" + cleanTitle + "\" already exists in this wiki."));
        publish(saved.notice());
        return saved.page();
    }

    /**
     * Editors: saves a new version of the page, unless nothing changed.
     *
     * @param baseVersion the version the writer started from; if someone saved since, nothing is written
     * @throws EditConflict if {@code baseVersion} is not the latest version any more
     */
    public WikiPage savePage(Caller caller, String classId, String pageId, String title, String content,
                             int baseVersion) {
        Member me = member(caller, classId);
        String cleanTitle = title(title);
        String cleanContent = content(content);
        Saved saved = writing(() -> jpa.txExpr(em -> {
            PageEntity page = page(em, me, pageId);
            requireEditor(me, settings(em, classId));
            requireLatest(em, page, baseVersion);
            if (page.versionNumber() > 0 && page.title().equals(cleanTitle) && page.content().equals(cleanContent)) {
                return new Saved(view(em, me, page), null);
            }
            requireFreeTitle(em, classId, cleanTitle, page.id());
            return newVersion(em, me, page, cleanTitle, cleanContent, null);
        }), () -> staleOrRace(pageId, baseVersion));
        publish(saved.notice());
        return saved.page();
    }

    /** Editors: a new version copying an older one (history is never rewritten). */
    public WikiPage restore(Caller caller, String classId, String pageId, int number, int baseVersion) {
        Member me = member(caller, classId);
        Saved saved = writing(() -> jpa.txExpr(em -> {
            PageEntity page = page(em, me, pageId);
            requireEditor(me, settings(em, classId));
            VersionEntity old = version(em, page, number);
            requireLatest(em, page, baseVersion);
            if (number == page.versionNumber()) {
                throw CartableException.conflict("Version " + number + " is already the page's current version.");
            }
            requireFreeTitle(em, classId, old.title(), page.id());
            return newVersion(em, me, page, old.title(), old.content(), number);
        }), () -> staleOrRace(pageId, baseVersion));
        publish(saved.notice());
        return saved.page();
    }

    /**
     * Editors: moves the page under another parent, at a position among its new siblings (0 first; beyond the end
     * means last). The home page stays the root; a page cannot go below itself.
     */
    public WikiPage movePage(Caller caller, String classId, String pageId, String parentId, int position) {
        Member me = member(caller, classId);
        return writing(() -> jpa.txExpr(em -> {
            PageEntity page = page(em, me, pageId);
            requireEditor(me, settings(em, classId));
            if (page.home()) {
                throw CartableException.conflict("The home page is the root of the wiki: it cannot move.");
            }
            if (parentId == null || parentId.isBlank()) {
                throw CartableException.badRequest("Give the new parent page.");
            }
            PageEntity parent = page(em, me, parentId);
            for (PageEntity up = parent; up != null; up = up.parentId() == null ? null : em.find(PageEntity.class, up.parentId())) {
                if (up.id().equals(page.id())) {
                    throw CartableException.conflict("A page cannot move below itself or one of its own sub-pages.");
                }
            }
            List<PageEntity> siblings = new ArrayList<>(children(em, parent.id()));
            siblings.removeIf(sibling -> sibling.id().equals(page.id()));
            siblings.add(Math.max(0, Math.min(position, siblings.size())), page);
            page.moveTo(parent.id(), siblings.indexOf(page));
            for (int i = 0; i < siblings.size(); i++) {
                if (siblings.get(i).position() != i) {
                    siblings.get(i).position(i);
                }
            }
            em.flush();
            return view(em, me, page);
        }), () -> CartableException.conflict("The page changed while it was moved; reload it and try again."));
    }

    /** Staff: deletes a page without sub-pages, with its history and comments. */
    public void deletePage(Caller caller, String classId, String pageId) {
        Member me = member(caller, classId);
        jpa.tx(em -> {
            PageEntity page = page(em, me, pageId);
            if (!me.staff()) {
                throw CartableException.forbidden("Only the class's teachers delete pages.");
            }
            if (page.home()) {
                throw CartableException.conflict("The home page cannot be deleted.");
            }
            if (!children(em, page.id()).isEmpty()) {
                throw CartableException.conflict("This page has sub-pages: move or delete them first.");
            }
            em.createQuery("delete from CommentEntity c where c.pageId = :pageId")
                    .setParameter("pageId", page.id()).executeUpdate();
            em.createQuery("delete from VersionEntity v where v.pageId = :pageId")
                    .setParameter("pageId", page.id()).executeUpdate();
            em.remove(page);
        });
    }

    // ---------------------------------------------------------------------------------------------------- history

    /** @return the page's versions, newest first */
    public List<VersionInfo> history(Caller caller, String classId, String pageId) {
        Member me = member(caller, classId);
        return jpa.txExpr(em -> {
            PageEntity page = page(em, me, pageId);
            Function<String, String> names = names();
            return em.createQuery("select v from VersionEntity v where v.pageId = :pageId order by v.number desc",
                            VersionEntity.class)
                    .setParameter("pageId", page.id())
                    .getResultList().stream()
                    .map(v -> info(v, names))
                    .toList();
        });
    }

    /** @return one version of the page, its content as saved and rendered */
    public VersionDetail version(Caller caller, String classId, String pageId, int number) {
        Member me = member(caller, classId);
        return jpa.txExpr(em -> {
            PageEntity page = page(em, me, pageId);
            VersionEntity version = version(em, page, number);
            boolean canCreate = me.mayEdit(settings(em, classId));
            return new VersionDetail(info(version, names()), version.content(),
                    WikiLinks.render(version.content(), classId, pageIdByTitle(em, classId), canCreate));
        });
    }

    /** @return two versions compared word by word, {@code from} being the older one shown as deleted */
    public Comparison compare(Caller caller, String classId, String pageId, int from, int to) {
        Member me = member(caller, classId);
        return jpa.txExpr(em -> {
            PageEntity page = page(em, me, pageId);
            VersionEntity older = version(em, page, from);
            VersionEntity newer = version(em, page, to);
            WikiDiff.Result diff = WikiDiff.compare(older.title(), older.content(), newer.title(), newer.content());
            Function<String, String> names = names();
            return new Comparison(page.id(), info(older, names), info(newer, names), diff.html(), diff.added(),
                    diff.removed());
        });
    }

    // ---------------------------------------------------------------------------------------------------- comments

    /** The staff and the pupils. */
    public Comment addComment(Caller caller, String classId, String pageId, String body) {
        Member me = member(caller, classId);
        String cleanBody = richText(body, COMMENT_MAX, "comment");
        record Added(Comment comment, Notice notice) {
        }
        Added added = jpa.txExpr(em -> {
            PageEntity page = page(em, me, pageId);
            if (!me.mayComment()) {
                throw CartableException.forbidden("Parents read the wiki; comments are written by the class.");
            }
            CommentEntity comment = new CommentEntity(UUID.randomUUID().toString(), page.id(), me.id(), cleanBody,
                    now());
            em.persist(comment);
            Notice notice = me.staff() ? null : notice(me, page, WikiApp.COMMENT, "notice.comment");
            return new Added(toComment(me, comment, names()), notice);
        });
        publish(added.notice());
        return added.comment();
    }

    /** The comment's author; the staff. */
    public void deleteComment(Caller caller, String classId, String pageId, String commentId) {
        Member me = member(caller, classId);
        jpa.tx(em -> {
            PageEntity page = page(em, me, pageId);
            CommentEntity comment = commentId == null ? null : em.find(CommentEntity.class, commentId);
            if (comment == null || !comment.pageId().equals(page.id())) {
                throw CartableException.notFound("Comment not found.");
            }
            if (!me.staff() && !comment.authorId().equals(me.id())) {
                throw CartableException.forbidden("Only the comment's author or the class's teachers delete it.");
            }
            em.remove(comment);
        });
    }

    // ---------------------------------------------------------------------------------------------------- rules

    /** The caller with their part in the class, as the platform reports it. */
    private record Member(String id, ClassRelation relation) {
        boolean staff() {
            return relation.isStaff();
        }

        boolean mayEdit(WikiSettings settings) {
            return staff() || relation.pupil() && !settings.teachersOnly();
        }

        boolean mayComment() {
            return staff() || relation.pupil();
        }
    }

    /** What a save produced: the page as the writer now sees it, and the notice to publish once committed. */
    private record Saved(WikiPage page, Notice notice) {
    }

    private Member member(Caller caller, String classId) {
        if (caller == null) {
            throw CartableException.unauthorized("Sign in first.");
        }
        if (classId == null || classId.isBlank()) {
            throw CartableException.notFound("Class not found.");
        }
        return new Member(caller.userId(), classAccess.check(caller, classId, WikiApp.ID));
    }

    private static void requireEditor(Member me, WikiSettings settings) {
        if (!me.mayEdit(settings)) {
            throw CartableException.forbidden(me.relation().pupil()
                    ? "Your teacher has kept the editing of this wiki for the teachers."
                    : "Only the class's teachers and pupils edit the wiki.");
        }
    }

    private void requireLatest(EntityManager em, PageEntity page, int baseVersion) {
        if (baseVersion != page.versionNumber()) {
            if (baseVersion > page.versionNumber() || baseVersion < 0) {
                throw CartableException.badRequest("This page has no version " + baseVersion + " yet.");
            }
            VersionEntity latest = version(em, page, page.versionNumber());
            throw new EditConflict(baseVersion, latest.number(), name(latest.authorId()), latest.createdAt());
        }
    }

    private static void requireFreeTitle(EntityManager em, String classId, String title, String exceptPageId) {
        List<String> holders = em.createQuery(
                        "select p.id from PageEntity p where p.classId = :classId and p.titleKey = :key", String.class)
                .setParameter("classId", classId)
                .setParameter("key", PageEntity.titleKey(title))
                .getResultList();
        if (holders.stream().anyMatch(id -> !id.equals(exceptPageId))) {
            throw CartableException.conflict("A page titled \"" + title + "\" already exists in this wiki.");
        }
    }

    /**
     * Runs a write. The checks inside it see a consistent page, but a concurrent transaction may commit between them
     * and ours: then the database refuses ours (unique version number or title, optimistic lock), which becomes the
     * given refusal rather than a server error.
     */
    private static <T> T writing(java.util.function.Supplier<T> write,
                                 java.util.function.Supplier<CartableException> raced) {
        try {
            return write.get();
        } catch (CartableException refused) {
            throw refused;
        } catch (RuntimeException raceLost) {
            CartableException refusal = raced.get();
            LOG.debug("A concurrent write won; answering: {}", refusal.getMessage(), raceLost);
            throw refusal;
        }
    }

    /** After a save lost a race: the conflict naming who saved since, read in a fresh transaction. */
    private CartableException staleOrRace(String pageId, int baseVersion) {
        return jpa.txExpr(em -> {
            PageEntity page = em.find(PageEntity.class, pageId);
            if (page != null && page.versionNumber() != baseVersion && page.versionNumber() > 0) {
                VersionEntity latest = version(em, page, page.versionNumber());
                return new EditConflict(baseVersion, latest.number(), name(latest.authorId()), latest.createdAt());
            }
            return CartableException.conflict("The page changed while you saved; reload it and save again.");
        });
    }

    private Saved newVersion(EntityManager em, Member me, PageEntity page, String title, String content,
                             Integer restoredFrom) {
        VersionEntity previous = page.versionNumber() == 0 ? null : version(em, page, page.versionNumber());
        VersionEntity next = new VersionEntity(UUID.randomUUID().toString(), page.id(), page.versionNumber() + 1,
                title, content, me.id(), now(), restoredFrom);
        em.persist(next);
        page.apply(next);
        // now, inside the transaction, so that a lost race fails here and is answered as a conflict
        em.flush();
        return new Saved(view(em, me, page), changeNotice(me, page, previous));
    }

    /*
     * Teachers hear of pupils' edits, once per run of saves: a pupil saving the same page again and again after
     * themselves sends one notice, not one per save.
     */
    private Notice changeNotice(Member me, PageEntity page, VersionEntity previous) {
        if (me.staff() || previous != null && previous.authorId().equals(me.id())) {
            return null;
        }
        return notice(me, page, WikiApp.PAGE_CHANGED, "notice.page-changed");
    }

    private Notice notice(Member me, PageEntity page, String type, String textKey) {
        if (notifications == null) {
            return null;
        }
        Set<String> teachers = new HashSet<>();
        directory.teachers(page.classId()).forEach(teacher -> teachers.add(teacher.id()));
        if (teachers.isEmpty()) {
            return null;
        }
        String who = name(me.id());
        return new Notice(WikiApp.ID, type, page.classId(), me.id(), Audience.persons(teachers),
                LocalizedText.render(locale -> WikiApp.text(locale, textKey, who, page.title())),
                "wiki/" + page.classId() + "/page/" + page.id());
    }

    /* After the commit, so that nothing is announced that did not happen; a feed failure never undoes a save. */
    private void publish(Notice notice) {
        Notifications feed = notifications;
        if (notice == null || feed == null) {
            return;
        }
        try {
            feed.publish(notice);
        } catch (RuntimeException e) {
            LOG.warn("Wiki notice {} not published", notice.type(), e);
        }
    }

    // ---------------------------------------------------------------------------------------------------- input

    private static String title(String raw) {
        String title = raw == null ? "" : SPACES.matcher(raw).replaceAll(" ").strip();
        if (title.isEmpty() || title.length() > TITLE_MAX) {
            throw CartableException.badRequest("The title must have 1 to " + TITLE_MAX + " characters.");
        }
        if (LINK_SIGNS.matcher(title).find()) {
            throw CartableException.badRequest("A title cannot contain [, ] or | (they write links between pages).");
        }
        return title;
    }

    /** Sanitised HTML within the limit; a page may be empty. */
    private String content(String raw) {
        if (raw == null || raw.length() > RAW_INPUT_MAX) {
            throw CartableException.badRequest("The content must have at most " + CONTENT_MAX + " characters.");
        }
        String clean = sanitizer.sanitize(raw).strip();
        if (clean.length() > CONTENT_MAX) {
            throw CartableException.badRequest("The content must have at most " + CONTENT_MAX + " characters.");
        }
        return clean;
    }

    /** Sanitised HTML within the limit, with something left to show (text or an image). */
    private String richText(String raw, int max, String what) {
        if (raw == null || raw.length() > RAW_INPUT_MAX) {
            throw CartableException.badRequest("The " + what + " must have 1 to " + max + " characters.");
        }
        String clean = sanitizer.sanitize(raw).strip();
        boolean nothingToShow = TAG.matcher(clean).replaceAll("").isBlank() && !clean.contains("<img");
        if (nothingToShow) {
            throw CartableException.badRequest("The " + what + " is empty once unsafe content is removed.");
        }
        if (clean.length() > max) {
            throw CartableException.badRequest("The " + what + " must have 1 to " + max + " characters.");
        }
        return clean;
    }

    // ---------------------------------------------------------------------------------------------------- data

    /**
     * The class's home page, created empty (version 0, no history) on first access. Two first accesses at once:
     * the unique title lets one create it, the other reads it.
     */
    private String ensureHome(String classId) {
        try {
            return jpa.txExpr(em -> findHome(em, classId).orElseGet(() -> {
                PageEntity home = new PageEntity(UUID.randomUUID().toString(), classId, null, 0,
                        WikiApp.text(java.util.Locale.FRENCH, "home.title"), true, now());
                em.persist(home);
                em.flush();
                return home.id();
            }));
        } catch (RuntimeException raceLost) {
            return jpa.txExpr(em -> findHome(em, classId)).orElseThrow(() -> raceLost);
        }
    }

    private static Optional<String> findHome(EntityManager em, String classId) {
        return em.createQuery("select p.id from PageEntity p where p.classId = :classId and p.home = true",
                        String.class)
                .setParameter("classId", classId)
                .getResultList().stream().findFirst();
    }

    private static WikiSettings settings(EntityManager em, String classId) {
        SettingsEntity entity = em.find(SettingsEntity.class, classId);
        return entity == null ? WikiSettings.DEFAULTS : new WikiSettings(entity.teachersOnly());
    }

    /** The page if it belongs to the caller's class; NOT_FOUND otherwise, whichever it is. */
    private static PageEntity page(EntityManager em, Member me, String pageId) {
        PageEntity page = pageId == null ? null : em.find(PageEntity.class, pageId);
        if (page == null || !page.classId().equals(me.relation().classId())) {
            throw CartableException.notFound("Page not found.");
        }
        return page;
    }

    private static VersionEntity version(EntityManager em, PageEntity page, int number) {
        return em.createQuery("select v from VersionEntity v where v.pageId = :pageId and v.number = :number",
                        VersionEntity.class)
                .setParameter("pageId", page.id())
                .setParameter("number", number)
                .getResultList().stream().findFirst()
                .orElseThrow(() -> CartableException.notFound("This page has no version " + number + "."));
    }

    private static List<PageEntity> children(EntityManager em, String parentId) {
        return em.createQuery("select p from PageEntity p where p.parentId = :parentId order by p.position, p.title",
                        PageEntity.class)
                .setParameter("parentId", parentId)
                .getResultList();
    }

    private static Function<String, Optional<String>> pageIdByTitle(EntityManager em, String classId) {
        Map<String, Optional<String>> known = new HashMap<>();
        return key -> known.computeIfAbsent(key, k -> em.createQuery(
                        "select p.id from PageEntity p where p.classId = :classId and p.titleKey = :key", String.class)
                .setParameter("classId", classId)
                .setParameter("key", k)
                .getResultList().stream().findFirst());
    }

    /** The whole tree: a class's wiki has tens of pages, read in one query. */
    private static TreeNode tree(EntityManager em, String classId) {
        List<PageEntity> pages = em.createQuery("select p from PageEntity p where p.classId = :classId",
                        PageEntity.class)
                .setParameter("classId", classId)
                .getResultList();
        Map<String, List<PageEntity>> byParent = new HashMap<>();
        PageEntity home = null;
        for (PageEntity page : pages) {
            if (page.home()) {
                home = page;
            } else {
                byParent.computeIfAbsent(page.parentId(), key -> new ArrayList<>()).add(page);
            }
        }
        if (home == null) {
            throw CartableException.notFound("This wiki has no home page.");
        }
        return node(home, byParent, new HashSet<>());
    }

    private static TreeNode node(PageEntity page, Map<String, List<PageEntity>> byParent, Set<String> seen) {
        seen.add(page.id());
        List<TreeNode> children = byParent.getOrDefault(page.id(), List.of()).stream()
                .sorted(Comparator.comparingInt((PageEntity p) -> p.position()).thenComparing(PageEntity::title))
                .filter(child -> !seen.contains(child.id()))
                .map(child -> node(child, byParent, seen))
                .toList();
        return new TreeNode(page.id(), page.title(), page.home(), children);
    }

    private WikiPage view(EntityManager em, Member me, PageEntity page) {
        WikiSettings settings = settings(em, page.classId());
        boolean canEdit = me.mayEdit(settings);
        List<PageRef> ancestors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String up = page.parentId(); up != null && seen.add(up); ) {
            PageEntity parent = em.find(PageEntity.class, up);
            if (parent == null) {
                break;
            }
            ancestors.add(0, new PageRef(parent.id(), parent.title()));
            up = parent.parentId();
        }
        List<PageEntity> childPages = children(em, page.id());
        List<PageRef> children = childPages.stream().map(c -> new PageRef(c.id(), c.title())).toList();
        Function<String, String> names = names();
        List<Comment> comments = em.createQuery(
                        "select c from CommentEntity c where c.pageId = :pageId order by c.createdAt, c.id",
                        CommentEntity.class)
                .setParameter("pageId", page.id())
                .getResultList().stream()
                .map(c -> toComment(me, c, names))
                .toList();
        EnumSet<PageAction> actions = EnumSet.noneOf(PageAction.class);
        if (canEdit) {
            actions.add(PageAction.EDIT);
        }
        if (me.staff() && !page.home() && childPages.isEmpty()) {
            actions.add(PageAction.DELETE);
        }
        if (me.mayComment()) {
            actions.add(PageAction.COMMENT);
        }
        String html = WikiLinks.render(page.content(), page.classId(), pageIdByTitle(em, page.classId()), canEdit);
        return new WikiPage(page.id(), page.classId(), page.title(), page.content(), html, page.parentId(),
                page.position(), page.home(), page.versionNumber(), page.updatedAt(), page.updatedBy(),
                page.updatedBy() == null ? null : names.apply(page.updatedBy()), ancestors, children, comments,
                actions);
    }

    private static Comment toComment(Member me, CommentEntity comment, Function<String, String> names) {
        return new Comment(comment.id(), comment.pageId(), comment.body(), comment.authorId(),
                names.apply(comment.authorId()), comment.createdAt(),
                me.staff() || comment.authorId().equals(me.id()));
    }

    private static VersionInfo info(VersionEntity version, Function<String, String> names) {
        return new VersionInfo(version.number(), version.title(), version.authorId(),
                names.apply(version.authorId()), version.createdAt(), version.restoredFrom());
    }

    private String name(String personId) {
        return directory.person(personId).map(PersonSummary::displayName).orElse(UNKNOWN_AUTHOR);
    }

    /** Author names for one answer: each person looked up once. */
    private Function<String, String> names() {
        Map<String, String> known = new HashMap<>();
        return id -> known.computeIfAbsent(id, this::name);
    }

    private Instant now() {
        return clock.instant();
    }
}
