package org.cartable.notebook.internal;

import java.io.InputStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.regex.Pattern;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.cartable.api.AppTexts;
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
import org.cartable.notebook.internal.data.BoxEntity;
import org.cartable.notebook.internal.data.LockEntity;
import org.cartable.notebook.internal.data.MediaEntity;
import org.cartable.notebook.internal.data.NotebookEntity;
import org.cartable.notebook.internal.data.PageEntity;
import org.cartable.notebook.internal.media.MediaStore;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The notebook's rules, in one place for REST and web alike. Every method first asks {@link ClassAccess} whether the
 * caller belongs to the class and the app is enabled there, then checks the caller's part in the notebook.
 * <p>
 * Who sees what: a notebook is private to its owner and the class's staff (teachers, director) until shared with the
 * class, READ (every member reads it) or CONTRIBUTE (pupils also write in it). A parent reads the shared notebooks and
 * every notebook of their own child. Its owner and the staff rename, share and delete it, and break a stale page lock.
 * Parents never write.
 * <p>
 * Refusals: a notebook, page, box or file the caller cannot see is NOT_FOUND (ids cannot be probed); a visible one the
 * caller may not change is FORBIDDEN; a page someone else is editing is CONFLICT, naming them.
 */
@Component(service = NotebookService.class, configurationPid = NotebookConfig.PID)
@Designate(ocd = NotebookConfig.class)
public final class NotebookService {

    public static final String CHANGELOG = "db/notebook/changelog.xml";
    public static final int TITLE_MAX = 200;
    public static final int TEXT_MAX = 20_000;
    public static final int CAPTION_MAX = 300;
    public static final int PAGES_MAX = 200;
    public static final int BOXES_MAX = 100;
    public static final String NOTICE_SHARED = "notebook.shared";

    private static final Logger LOG = LoggerFactory.getLogger(NotebookService.class);
    private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{6}");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\"\\\\/]");
    private static final int RAW_INPUT_MAX = 200_000;
    private static final String UNKNOWN_PERSON = "—";
    private static final String DEFAULT_COLOR = "#2c6e9b";
    private static final String TEXTS = "org.cartable.notebook.internal.app";

    private final JpaTemplate jpa;
    private final ClassAccess classAccess;
    private final Directory directory;
    private final HtmlSanitizer sanitizer;
    private final MediaStore store;
    private final MediaLimits limits;
    private final Duration lockTime;
    private final Clock clock;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Notifications notifications;

    /** Brings the tables up to date before the service is registered, so nothing reads an old schema. */
    @Activate
    public NotebookService(@Reference(name = "jpa", target = "(osgi.unit.name=cartable-notebook)") JpaTemplate jpa,
                           @Reference(name = "classAccess") ClassAccess classAccess,
                           @Reference(name = "directory") Directory directory,
                           @Reference(name = "sanitizer") HtmlSanitizer sanitizer,
                           @Reference(name = "migrator") SchemaMigrator migrator,
                           NotebookConfig config, BundleContext context) {
        this(jpa, classAccess, directory, sanitizer, new MediaStore(storage(config)),
                new MediaLimits(config.imageMaxBytes(), config.audioMaxBytes(), config.videoMaxBytes()),
                Duration.ofMinutes(Math.max(1, config.lockMinutes())), Clock.systemUTC());
        migrator.migrate(context.getBundle(), CHANGELOG);
    }

    /** For tests, on a schema migrated by the test, files in a folder of the test, with a controlled clock. */
    NotebookService(JpaTemplate jpa, ClassAccess classAccess, Directory directory, HtmlSanitizer sanitizer,
                    MediaStore store, MediaLimits limits, Duration lockTime, Clock clock) {
        this.jpa = jpa;
        this.classAccess = classAccess;
        this.directory = directory;
        this.sanitizer = sanitizer;
        this.store = store;
        this.limits = limits;
        this.lockTime = lockTime;
        this.clock = clock;
    }

    /** The uploaded files, for the notebook's personal-data export and erase. */
    MediaStore mediaStore() {
        return store;
    }

    private static Path storage(NotebookConfig config) {
        if (config.storage() != null && !config.storage().isBlank()) {
            return Paths.get(config.storage());
        }
        String data = System.getProperty("karaf.data", "data");
        return Paths.get(data, "cartable", "notebook");
    }

    /** For tests: the notification service, or null. */
    void setNotifications(Notifications notifications) {
        this.notifications = notifications;
    }

    public MediaLimits limits() {
        return limits;
    }

    // ------------------------------------------------------------------------------------------------ notebooks

    /** @return the notebooks the caller may see: their own, then the others, each last changed first */
    public NotebookOverview overview(Caller caller, String classId) {
        Member me = member(caller, classId);
        return jpa.txExpr(em -> {
            List<NotebookEntity> all = em.createQuery(
                            "select n from NotebookEntity n where n.classId = :classId order by n.updatedAt desc, n.id",
                            NotebookEntity.class)
                    .setParameter("classId", classId)
                    .getResultList();
            List<NotebookEntity> visible = all.stream().filter(n -> canRead(me, n)).toList();
            Map<String, Long> pages = pageCounts(em, visible.stream().map(NotebookEntity::id).toList());
            Function<String, String> names = names();
            List<Notebook> mine = new ArrayList<>();
            List<Notebook> others = new ArrayList<>();
            for (NotebookEntity notebook : visible) {
                Notebook shown = toNotebook(me, notebook, pages.getOrDefault(notebook.id(), 0L).intValue(), names);
                (notebook.ownerId().equals(me.id()) ? mine : others).add(shown);
            }
            return new NotebookOverview(classId, mine, others, me.writer());
        });
    }

    /** @return the notebook with its pages in order (boxes and live locks included) and its files */
    public NotebookDetail notebook(Caller caller, String classId, String notebookId) {
        Member me = member(caller, classId);
        return jpa.txExpr(em -> detail(em, me, readable(em, me, notebookId)));
    }

    /** Staff and pupils; the notebook starts private, with one empty page. */
    public Notebook create(Caller caller, String classId, String title, String coverColor) {
        Member me = member(caller, classId);
        if (!me.writer()) {
            throw CartableException.forbidden("Only the class's teachers and pupils create notebooks.");
        }
        String cleanTitle = title(title);
        String color = color(coverColor);
        return jpa.txExpr(em -> {
            Instant now = now();
            NotebookEntity notebook = new NotebookEntity(newId(), classId, me.id(), cleanTitle, color, now);
            em.persist(notebook);
            em.persist(new PageEntity(newId(), notebook.id(), 0, null, now));
            return toNotebook(me, notebook, 1, names());
        });
    }

    /** Owner and staff: title, cover colour and cover picture (one of the notebook's images, or null). */
    public Notebook describe(Caller caller, String classId, String notebookId, String title, String coverColor,
                             String coverMediaId) {
        Member me = member(caller, classId);
        String cleanTitle = title(title);
        String color = color(coverColor);
        return jpa.txExpr(em -> {
            NotebookEntity notebook = manageable(em, me, notebookId);
            if (coverMediaId != null) {
                MediaEntity cover = media(em, notebook, coverMediaId);
                if (MediaType.kindOf(cover.contentType()) != BoxKind.IMAGE) {
                    throw CartableException.badRequest("The cover must be a picture.");
                }
            }
            notebook.describe(cleanTitle, color, coverMediaId, now());
            return toNotebook(em, me, notebook);
        });
    }

    /** Owner and staff. Sharing a private notebook with the class tells the class (notice "notebook.shared"). */
    public Notebook share(Caller caller, String classId, String notebookId, Sharing sharing) {
        Member me = member(caller, classId);
        if (sharing == null) {
            throw CartableException.badRequest("'sharing' must be one of PRIVATE, READ, CONTRIBUTE.");
        }
        return jpa.txExpr(em -> {
            NotebookEntity notebook = manageable(em, me, notebookId);
            boolean newlyShared = notebook.sharing() == Sharing.PRIVATE && sharing != Sharing.PRIVATE;
            notebook.share(sharing, now());
            if (newlyShared) {
                announceShared(me, notebook);
            }
            return toNotebook(em, me, notebook);
        });
    }

    /** Owner and staff: the notebook, its pages and boxes, and its files on disk. */
    public void deleteNotebook(Caller caller, String classId, String notebookId) {
        Member me = member(caller, classId);
        jpa.tx(em -> {
            NotebookEntity notebook = manageable(em, me, notebookId);
            List<String> pageIds = pageIds(em, notebook.id());
            if (!pageIds.isEmpty()) {
                em.createQuery("delete from BoxEntity b where b.pageId in :pageIds")
                        .setParameter("pageIds", pageIds).executeUpdate();
                em.createQuery("delete from LockEntity l where l.pageId in :pageIds")
                        .setParameter("pageIds", pageIds).executeUpdate();
            }
            em.createQuery("delete from PageEntity p where p.notebookId = :id")
                    .setParameter("id", notebook.id()).executeUpdate();
            em.createQuery("delete from MediaEntity m where m.notebookId = :id")
                    .setParameter("id", notebook.id()).executeUpdate();
            em.remove(notebook);
        });
        // after the commit: a failed deletion keeps the files its rows still point to
        store.deleteAll(notebookId);
    }

    /**
     * Anyone who reads it and writes in the class (staff, pupils): a private copy for the caller, pages, boxes and
     * files included (the files are copied, so each notebook owns its own).
     */
    public Notebook duplicateNotebook(Caller caller, String classId, String notebookId, Locale locale) {
        Member me = member(caller, classId);
        if (!me.writer()) {
            throw CartableException.forbidden("Only the class's teachers and pupils copy notebooks.");
        }
        String copyId = newId();
        try {
            return jpa.txExpr(em -> {
                NotebookEntity original = readable(em, me, notebookId);
                Instant now = now();
                String title = truncate(original.title() + text(locale, "copySuffix"), TITLE_MAX);
                NotebookEntity copy = new NotebookEntity(copyId, classId, me.id(), title, original.coverColor(), now);
                em.persist(copy);
                Map<String, String> mediaCopies = new HashMap<>();
                for (MediaEntity media : mediaOf(em, original.id())) {
                    String copiedId = store.copy(original.id(), media.id(), copyId);
                    mediaCopies.put(media.id(), copiedId);
                    em.persist(new MediaEntity(copiedId, copyId, media.contentType(), media.size(), media.name(),
                            me.id(), now));
                }
                copy.describe(title, original.coverColor(), mediaCopies.get(original.coverMediaId()), now);
                for (PageEntity page : pagesOf(em, original.id())) {
                    PageEntity pageCopy = new PageEntity(newId(), copyId, page.position(), page.title(), now);
                    em.persist(pageCopy);
                    for (BoxEntity box : boxesOf(em, page.id())) {
                        BoxEntity boxCopy = box.copyTo(newId(), pageCopy.id(), now);
                        if (box.mediaId() != null) {
                            boxCopy.fill(box.content(), mediaCopies.get(box.mediaId()), null, null, now);
                        }
                        em.persist(boxCopy);
                    }
                }
                return toNotebook(em, me, copy);
            });
        } catch (RuntimeException failed) {
            store.deleteAll(copyId);
            throw failed;
        }
    }

    // ------------------------------------------------------------------------------------------------ pages

    /** Editors: a page at the end. */
    public Page addPage(Caller caller, String classId, String notebookId, String title) {
        Member me = member(caller, classId);
        String cleanTitle = optionalTitle(title);
        return jpa.txExpr(em -> {
            NotebookEntity notebook = editable(em, me, notebookId);
            List<PageEntity> pages = pagesOf(em, notebook.id());
            if (pages.size() >= PAGES_MAX) {
                throw CartableException.conflict("A notebook has at most " + PAGES_MAX + " pages.");
            }
            int position = pages.isEmpty() ? 0 : pages.get(pages.size() - 1).position() + 1;
            PageEntity page = new PageEntity(newId(), notebook.id(), position, cleanTitle, now());
            em.persist(page);
            notebook.touch(now());
            return toPage(em, me, page, names());
        });
    }

    public Page page(Caller caller, String classId, String notebookId, String pageId) {
        Member me = member(caller, classId);
        return jpa.txExpr(em -> toPage(em, me, page(em, readable(em, me, notebookId), pageId), names()));
    }

    /** Editors not locked out: saves the title and releases the caller's lock ("save" ends an editing session). */
    public Page savePage(Caller caller, String classId, String notebookId, String pageId, String title) {
        Member me = member(caller, classId);
        String cleanTitle = optionalTitle(title);
        return jpa.txExpr(em -> {
            NotebookEntity notebook = editable(em, me, notebookId);
            PageEntity page = page(em, notebook, pageId);
            requireNotLockedByOther(em, me, page.id());
            page.retitle(cleanTitle, now());
            notebook.touch(now());
            LockEntity lock = em.find(LockEntity.class, page.id());
            if (lock != null) {
                em.remove(lock);
            }
            return toPage(em, me, page, names());
        });
    }

    /** Editors, unless someone else is editing the page; a notebook keeps at least one page. */
    public void deletePage(Caller caller, String classId, String notebookId, String pageId) {
        Member me = member(caller, classId);
        Set<String> orphans = jpa.txExpr(em -> {
            NotebookEntity notebook = editable(em, me, notebookId);
            PageEntity page = page(em, notebook, pageId);
            requireNotLockedByOther(em, me, page.id());
            if (pagesOf(em, notebook.id()).size() <= 1) {
                throw CartableException.conflict("A notebook keeps at least one page.");
            }
            Set<String> media = new HashSet<>();
            for (BoxEntity box : boxesOf(em, page.id())) {
                if (box.mediaId() != null) {
                    media.add(box.mediaId());
                }
                em.remove(box);
            }
            LockEntity lock = em.find(LockEntity.class, page.id());
            if (lock != null) {
                em.remove(lock);
            }
            em.remove(page);
            em.flush();
            renumber(pagesOf(em, notebook.id()));
            notebook.touch(now());
            return removeUnused(em, notebook, media);
        });
        orphans.forEach(mediaId -> store.delete(notebookId, mediaId));
    }

    /** Editors: a copy of the page right after it (boxes included; they show the same files). */
    public Page duplicatePage(Caller caller, String classId, String notebookId, String pageId) {
        Member me = member(caller, classId);
        return jpa.txExpr(em -> {
            NotebookEntity notebook = editable(em, me, notebookId);
            PageEntity original = page(em, notebook, pageId);
            List<PageEntity> pages = new ArrayList<>(pagesOf(em, notebook.id()));
            if (pages.size() >= PAGES_MAX) {
                throw CartableException.conflict("A notebook has at most " + PAGES_MAX + " pages.");
            }
            Instant now = now();
            PageEntity copy = new PageEntity(newId(), notebook.id(), original.position() + 1, original.title(), now);
            em.persist(copy);
            for (BoxEntity box : boxesOf(em, original.id())) {
                em.persist(box.copyTo(newId(), copy.id(), now));
            }
            pages.add(pages.indexOf(original) + 1, copy);
            renumber(pages);
            notebook.touch(now);
            return toPage(em, me, copy, names());
        });
    }

    /** Editors: {@code pageIds} lists every page of the notebook once, in the wanted order. */
    public List<Page> reorderPages(Caller caller, String classId, String notebookId, List<String> pageIds) {
        Member me = member(caller, classId);
        return jpa.txExpr(em -> {
            NotebookEntity notebook = editable(em, me, notebookId);
            Map<String, PageEntity> pages = new LinkedHashMap<>();
            pagesOf(em, notebook.id()).forEach(page -> pages.put(page.id(), page));
            if (pageIds == null || pageIds.size() != pages.size() || !pages.keySet().equals(new HashSet<>(pageIds))) {
                throw CartableException.badRequest("List every page of the notebook exactly once, in the new order.");
            }
            renumber(pageIds.stream().map(pages::get).toList());
            notebook.touch(now());
            Function<String, String> names = names();
            return pageIds.stream().map(id -> toPage(em, me, pages.get(id), names)).toList();
        });
    }

    /** Editors: moves a page one place up (-1) or down (+1); nothing happens at either end. */
    public List<Page> movePage(Caller caller, String classId, String notebookId, String pageId, int direction) {
        List<String> order = new ArrayList<>(notebook(caller, classId, notebookId).pages().stream()
                .map(Page::id).toList());
        int index = order.indexOf(pageId);
        if (index < 0) {
            throw CartableException.notFound("Page not found.");
        }
        int target = index + Integer.signum(direction);
        if (target >= 0 && target < order.size()) {
            order.add(target, order.remove(index));
        }
        return reorderPages(caller, classId, notebookId, order);
    }

    // ------------------------------------------------------------------------------------------------ locks

    /**
     * Editors: takes or extends the caller's edit lock on the page (call it again while editing: each call, like each
     * change, pushes the expiry back).
     *
     * @throws CartableException CONFLICT when someone else holds it, naming them
     */
    public PageLock lock(Caller caller, String classId, String notebookId, String pageId) {
        Member me = member(caller, classId);
        return jpa.txExpr(em -> {
            PageEntity page = page(em, editable(em, me, notebookId), pageId);
            return toLock(me, hold(em, me, page.id()), names());
        });
    }

    /**
     * The holder leaves the page; its notebook's owner and the staff may also break someone else's lock (a pupil who
     * left without saving). Releasing a lock nobody holds changes nothing.
     */
    public void unlock(Caller caller, String classId, String notebookId, String pageId) {
        Member me = member(caller, classId);
        jpa.tx(em -> {
            NotebookEntity notebook = readable(em, me, notebookId);
            PageEntity page = page(em, notebook, pageId);
            LockEntity lock = em.find(LockEntity.class, page.id());
            if (lock == null) {
                return;
            }
            boolean mine = lock.holderId().equals(me.id());
            if (!mine && lock.isLive(now()) && !mayManage(me, notebook)) {
                throw CartableException.forbidden("Only the notebook's owner or the class's teachers release "
                        + "someone else's lock.");
            }
            em.remove(lock);
        });
    }

    // ------------------------------------------------------------------------------------------------ boxes

    /** Editors not locked out; takes or extends the caller's lock on the page. */
    public Box addBox(Caller caller, String classId, String notebookId, String pageId, BoxInput input) {
        Member me = member(caller, classId);
        if (input == null || input.kind() == null || input.geometry() == null) {
            throw CartableException.badRequest("A box needs a kind and a position.");
        }
        return jpa.txExpr(em -> {
            NotebookEntity notebook = editable(em, me, notebookId);
            PageEntity page = page(em, notebook, pageId);
            hold(em, me, page.id());
            List<BoxEntity> boxes = boxesOf(em, page.id());
            if (boxes.size() >= BOXES_MAX) {
                throw CartableException.conflict("A page has at most " + BOXES_MAX + " boxes.");
            }
            BoxEntity box = new BoxEntity(newId(), page.id(), input.kind(), now());
            Geometry geometry = input.geometry();
            if (geometry.z() == Geometry.Z_TOP) {
                int top = boxes.stream().mapToInt(b -> b.geometry().z()).max().orElse(-1);
                geometry = geometry.withZ(Math.min(Geometry.Z_MAX, top + 1));
            }
            box.place(geometry, now());
            fill(em, notebook, box, input);
            em.persist(box);
            page.touch(now());
            notebook.touch(now());
            return toBox(em, box);
        });
    }

    /** Editors not locked out: new position and content (the kind stays). */
    public Box updateBox(Caller caller, String classId, String notebookId, String pageId, String boxId,
                         BoxInput input) {
        Member me = member(caller, classId);
        if (input == null || input.geometry() == null) {
            throw CartableException.badRequest("A box needs a position.");
        }
        AtomicReference<Set<String>> orphans = new AtomicReference<>(Set.of());
        Box saved = jpa.txExpr(em -> {
            NotebookEntity notebook = editable(em, me, notebookId);
            PageEntity page = page(em, notebook, pageId);
            BoxEntity box = box(em, page, boxId);
            if (input.kind() != null && input.kind() != box.kind()) {
                throw CartableException.badRequest("A box keeps its kind; delete it and add another.");
            }
            hold(em, me, page.id());
            String previousMedia = box.mediaId();
            box.place(keepZ(input.geometry(), box), now());
            fill(em, notebook, box, new BoxInput(box.kind(), input.geometry(), input.content(),
                    input.mediaId() != null || !box.kind().isMedia() ? input.mediaId() : previousMedia,
                    input.embedUrl()));
            page.touch(now());
            notebook.touch(now());
            em.flush();
            if (previousMedia != null && !previousMedia.equals(box.mediaId())) {
                orphans.set(removeUnused(em, notebook, Set.of(previousMedia)));
            }
            return toBox(em, box);
        });
        orphans.get().forEach(mediaId -> store.delete(notebookId, mediaId));
        return saved;
    }

    /** Moves a box only (the editor's drag and the position inputs). */
    public Box placeBox(Caller caller, String classId, String notebookId, String pageId, String boxId,
                        Geometry geometry) {
        Member me = member(caller, classId);
        if (geometry == null) {
            throw CartableException.badRequest("A box needs a position.");
        }
        return jpa.txExpr(em -> {
            NotebookEntity notebook = editable(em, me, notebookId);
            PageEntity page = page(em, notebook, pageId);
            BoxEntity box = box(em, page, boxId);
            hold(em, me, page.id());
            box.place(keepZ(geometry, box), now());
            page.touch(now());
            notebook.touch(now());
            return toBox(em, box);
        });
    }

    /** Editors not locked out; the box's file goes when no other box or the cover shows it. */
    public void deleteBox(Caller caller, String classId, String notebookId, String pageId, String boxId) {
        Member me = member(caller, classId);
        Set<String> orphans = jpa.txExpr(em -> {
            NotebookEntity notebook = editable(em, me, notebookId);
            PageEntity page = page(em, notebook, pageId);
            BoxEntity box = box(em, page, boxId);
            hold(em, me, page.id());
            em.remove(box);
            em.flush();
            page.touch(now());
            notebook.touch(now());
            return box.mediaId() == null ? Set.<String>of() : removeUnused(em, notebook, Set.of(box.mediaId()));
        });
        orphans.forEach(mediaId -> store.delete(notebookId, mediaId));
    }

    // ------------------------------------------------------------------------------------------------ media

    /**
     * Editors: stores a picture, sound or video for the notebook's boxes (or cover). The type is read from the content;
     * the name only labels the file.
     *
     * @throws CartableException UNSUPPORTED_MEDIA_TYPE for any other content, PAYLOAD_TOO_LARGE over the kind's limit
     */
    public MediaInfo uploadMedia(Caller caller, String classId, String notebookId, InputStream content,
                                 String name) {
        Member me = member(caller, classId);
        // checked before reading anything: an outsider's upload never touches the disk
        jpa.txExpr(em -> editable(em, me, notebookId));
        MediaStore.Stored stored = store.store(notebookId, content, limits::forType);
        try {
            return jpa.txExpr(em -> {
                NotebookEntity notebook = editable(em, me, notebookId);
                MediaEntity media = new MediaEntity(stored.mediaId(), notebook.id(), stored.contentType(),
                        stored.size(), fileName(name, stored.contentType()), me.id(), now());
                em.persist(media);
                return toMedia(media);
            });
        } catch (RuntimeException failed) {
            store.delete(notebookId, stored.mediaId());
            throw failed;
        }
    }

    /** Readers of the notebook: the file's description and where its bytes are. */
    public MediaFile media(Caller caller, String classId, String notebookId, String mediaId) {
        Member me = member(caller, classId);
        MediaInfo info = jpa.txExpr(em -> toMedia(media(em, readable(em, me, notebookId), mediaId)));
        Path path = store.file(notebookId, mediaId)
                .orElseThrow(() -> CartableException.notFound("File not found."));
        return new MediaFile(info, path);
    }

    /** Readers: the notebook and the paths of its files, for an export. */
    public NotebookExport.Content exportContent(Caller caller, String classId, String notebookId) {
        NotebookDetail detail = notebook(caller, classId, notebookId);
        Map<String, Path> files = new HashMap<>();
        for (MediaInfo media : detail.media()) {
            store.file(notebookId, media.id()).ifPresent(path -> files.put(media.id(), path));
        }
        String className = directory.findClass(classId).map(c -> c.name()).orElse("");
        return new NotebookExport.Content(detail, className, files);
    }

    // ------------------------------------------------------------------------------------------------ rules

    /** The caller with their part in the class, as the platform reports it. */
    private record Member(String id, ClassRelation relation) {
        boolean staff() {
            return relation.isStaff();
        }

        boolean writer() {
            return relation.isStaff() || relation.pupil();
        }
    }

    private Member member(Caller caller, String classId) {
        if (caller == null) {
            throw CartableException.unauthorized("Sign in first.");
        }
        if (classId == null || classId.isBlank()) {
            throw CartableException.notFound("Class not found.");
        }
        return new Member(caller.userId(), classAccess.check(caller, classId, NotebookApp.ID));
    }

    private static boolean canRead(Member me, NotebookEntity notebook) {
        return notebook.ownerId().equals(me.id()) || me.staff() || notebook.sharing() != Sharing.PRIVATE
                || me.relation().childIds().contains(notebook.ownerId());
    }

    private static boolean mayEdit(Member me, NotebookEntity notebook) {
        return notebook.ownerId().equals(me.id()) || me.staff()
                || notebook.sharing() == Sharing.CONTRIBUTE && me.relation().pupil();
    }

    private static boolean mayManage(Member me, NotebookEntity notebook) {
        return notebook.ownerId().equals(me.id()) || me.staff();
    }

    private static NotebookEntity readable(EntityManager em, Member me, String notebookId) {
        NotebookEntity notebook = notebookId == null ? null : em.find(NotebookEntity.class, notebookId);
        if (notebook == null || !notebook.classId().equals(me.relation().classId()) || !canRead(me, notebook)) {
            throw CartableException.notFound("Notebook not found.");
        }
        return notebook;
    }

    private static NotebookEntity editable(EntityManager em, Member me, String notebookId) {
        NotebookEntity notebook = readable(em, me, notebookId);
        if (!mayEdit(me, notebook)) {
            throw CartableException.forbidden("You may read this notebook but not write in it.");
        }
        return notebook;
    }

    private static NotebookEntity manageable(EntityManager em, Member me, String notebookId) {
        NotebookEntity notebook = readable(em, me, notebookId);
        if (!mayManage(me, notebook)) {
            throw CartableException.forbidden("Only the notebook's owner or the class's teachers do this.");
        }
        return notebook;
    }

    private static PageEntity page(EntityManager em, NotebookEntity notebook, String pageId) {
        PageEntity page = pageId == null ? null : em.find(PageEntity.class, pageId);
        if (page == null || !page.notebookId().equals(notebook.id())) {
            throw CartableException.notFound("Page not found.");
        }
        return page;
    }

    private static BoxEntity box(EntityManager em, PageEntity page, String boxId) {
        BoxEntity box = boxId == null ? null : em.find(BoxEntity.class, boxId);
        if (box == null || !box.pageId().equals(page.id())) {
            throw CartableException.notFound("Box not found.");
        }
        return box;
    }

    private static MediaEntity media(EntityManager em, NotebookEntity notebook, String mediaId) {
        MediaEntity media = mediaId == null ? null : em.find(MediaEntity.class, mediaId);
        if (media == null || !media.notebookId().equals(notebook.id())) {
            throw CartableException.notFound("File not found.");
        }
        return media;
    }

    /** The caller's lock on the page, taken or pushed back; CONFLICT while someone else holds it. */
    private LockEntity hold(EntityManager em, Member me, String pageId) {
        Instant now = now();
        LockEntity lock = em.find(LockEntity.class, pageId);
        if (lock == null) {
            lock = new LockEntity(pageId, me.id(), now.plus(lockTime));
            em.persist(lock);
            return lock;
        }
        if (!lock.holderId().equals(me.id()) && lock.isLive(now)) {
            throw lockedBy(lock);
        }
        lock.hold(me.id(), now.plus(lockTime));
        return lock;
    }

    private void requireNotLockedByOther(EntityManager em, Member me, String pageId) {
        LockEntity lock = em.find(LockEntity.class, pageId);
        if (lock != null && !lock.holderId().equals(me.id()) && lock.isLive(now())) {
            throw lockedBy(lock);
        }
    }

    private CartableException lockedBy(LockEntity lock) {
        String name = directory.person(lock.holderId()).map(PersonSummary::displayName).orElse(UNKNOWN_PERSON);
        return CartableException.conflict("This page is being edited by " + name + " (until "
                + lock.expiresAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                + " unless they go on); you can read it meanwhile.");
    }

    private static Geometry keepZ(Geometry wanted, BoxEntity box) {
        return wanted.z() == Geometry.Z_TOP ? wanted.withZ(box.geometry().z()) : wanted;
    }

    /** Sets what the box holds, after checking it fits the box's kind. */
    private void fill(EntityManager em, NotebookEntity notebook, BoxEntity box, BoxInput input) {
        Instant now = now();
        switch (box.kind()) {
            case TEXT -> box.fill(richText(input.content()), null, null, null, now);
            case EMBED -> {
                Embed embed = input.embedUrl() != null ? Embed.parse(input.embedUrl())
                        : box.embedProvider() != null
                        ? new Embed(Embed.Provider.valueOf(box.embedProvider()), box.embedVideoId())
                        : Embed.parse(null);
                box.fill(caption(input.content()), null, embed.provider().name(), embed.videoId(), now);
            }
            default -> {
                MediaEntity media = media(em, notebook, input.mediaId());
                if (MediaType.kindOf(media.contentType()) != box.kind()) {
                    throw CartableException.badRequest("This file is " + media.contentType() + ": it does not fit a "
                            + box.kind() + " box.");
                }
                box.fill(caption(input.content()), media.id(), null, null, now);
            }
        }
    }

    /** Deletes the rows of files no box and no cover shows any more; returns their ids (files go after commit). */
    private static Set<String> removeUnused(EntityManager em, NotebookEntity notebook, Set<String> candidates) {
        Set<String> removed = new HashSet<>();
        for (String mediaId : candidates) {
            long uses = em.createQuery("select count(*) from BoxEntity b where b.mediaId = :mediaId", Long.class)
                    .setParameter("mediaId", mediaId).getSingleResult();
            if (uses == 0 && !mediaId.equals(notebook.coverMediaId())) {
                MediaEntity media = em.find(MediaEntity.class, mediaId);
                if (media != null) {
                    em.remove(media);
                    removed.add(mediaId);
                }
            }
        }
        return removed;
    }

    private void announceShared(Member me, NotebookEntity notebook) {
        Notifications feed = notifications;
        if (feed == null) {
            return;
        }
        String owner = directory.person(notebook.ownerId()).map(PersonSummary::displayName).orElse(UNKNOWN_PERSON);
        Set<String> teachers = new HashSet<>();
        directory.teachers(notebook.classId()).forEach(p -> teachers.add(p.id()));
        Set<String> pupils = new HashSet<>();
        directory.pupils(notebook.classId()).forEach(p -> pupils.add(p.id()));
        Notice notice = new Notice(NotebookApp.ID, NOTICE_SHARED, notebook.classId(), me.id(),
                Audience.persons(teachers).and(Audience.pupilsAndParents(pupils)),
                LocalizedText.render(locale -> MessageFormat.format(text(locale, "notice.shared"), owner,
                        notebook.title())),
                NotebookApp.ID + "/" + notebook.classId() + "/view/" + notebook.id());
        try {
            feed.publish(notice);
        } catch (RuntimeException unavailable) {
            // the feed is a courtesy: sharing must not fail because the notification service is going away
            LOG.warn("Notice {} for notebook {} not published: {}", NOTICE_SHARED, notebook.id(),
                    unavailable.toString());
        }
    }

    // ------------------------------------------------------------------------------------------------ input

    private static String title(String raw) {
        String title = raw == null ? "" : SPACES.matcher(raw).replaceAll(" ").strip();
        if (title.isEmpty() || title.length() > TITLE_MAX) {
            throw CartableException.badRequest("The title must have 1 to " + TITLE_MAX + " characters.");
        }
        return title;
    }

    private static String optionalTitle(String raw) {
        return raw == null || raw.isBlank() ? null : title(raw);
    }

    private static String color(String raw) {
        if (raw == null || raw.isBlank()) {
            return DEFAULT_COLOR;
        }
        if (!COLOR.matcher(raw.strip()).matches()) {
            throw CartableException.badRequest("The cover colour must look like #2c6e9b.");
        }
        return raw.strip().toLowerCase(Locale.ROOT);
    }

    private String richText(String raw) {
        if (raw == null || raw.length() > RAW_INPUT_MAX) {
            throw CartableException.badRequest("A text box needs 1 to " + TEXT_MAX + " characters.");
        }
        String clean = sanitizer.sanitize(raw).strip();
        if (TAG.matcher(clean).replaceAll("").isBlank() && !clean.contains("<img")) {
            throw CartableException.badRequest("The text is empty once unsafe content is removed.");
        }
        if (clean.length() > TEXT_MAX) {
            throw CartableException.badRequest("A text box needs 1 to " + TEXT_MAX + " characters.");
        }
        return clean;
    }

    private static String caption(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String caption = SPACES.matcher(raw).replaceAll(" ").strip();
        if (caption.length() > CAPTION_MAX) {
            throw CartableException.badRequest("A caption has at most " + CAPTION_MAX + " characters.");
        }
        return caption;
    }

    /** A name to label the file: the uploader's, without folders or odd characters, else "media.ext". */
    static String fileName(String raw, String contentType) {
        String name = raw == null ? "" : raw.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        name = CONTROL.matcher(name).replaceAll("").strip();
        if (name.isEmpty() || name.startsWith(".")) {
            name = "media" + MediaType.extensionOf(contentType);
        }
        return truncate(name, TITLE_MAX);
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    // ------------------------------------------------------------------------------------------------ data

    private static List<PageEntity> pagesOf(EntityManager em, String notebookId) {
        return em.createQuery("select p from PageEntity p where p.notebookId = :id order by p.position, p.id",
                        PageEntity.class)
                .setParameter("id", notebookId).getResultList();
    }

    private static List<String> pageIds(EntityManager em, String notebookId) {
        return pagesOf(em, notebookId).stream().map(PageEntity::id).toList();
    }

    private static List<BoxEntity> boxesOf(EntityManager em, String pageId) {
        return em.createQuery("select b from BoxEntity b where b.pageId = :id order by b.z, b.id", BoxEntity.class)
                .setParameter("id", pageId).getResultList();
    }

    private static List<MediaEntity> mediaOf(EntityManager em, String notebookId) {
        return em.createQuery("select m from MediaEntity m where m.notebookId = :id order by m.createdAt, m.id",
                        MediaEntity.class)
                .setParameter("id", notebookId).getResultList();
    }

    private static void renumber(List<PageEntity> pages) {
        for (int i = 0; i < pages.size(); i++) {
            pages.get(i).moveTo(i);
        }
    }

    private static Map<String, Long> pageCounts(EntityManager em, List<String> notebookIds) {
        Map<String, Long> counts = new HashMap<>();
        if (notebookIds.isEmpty()) {
            return counts;
        }
        for (Object[] row : em.createQuery("select p.notebookId, count(*) from PageEntity p"
                        + " where p.notebookId in :ids group by p.notebookId", Object[].class)
                .setParameter("ids", notebookIds).getResultList()) {
            counts.put((String) row[0], (Long) row[1]);
        }
        return counts;
    }

    private NotebookDetail detail(EntityManager em, Member me, NotebookEntity notebook) {
        Function<String, String> names = names();
        List<Page> pages = pagesOf(em, notebook.id()).stream().map(page -> toPage(em, me, page, names)).toList();
        List<MediaInfo> media = mediaOf(em, notebook.id()).stream().map(NotebookService::toMedia).toList();
        return new NotebookDetail(toNotebook(me, notebook, pages.size(), names), pages, media);
    }

    private Notebook toNotebook(EntityManager em, Member me, NotebookEntity notebook) {
        return toNotebook(me, notebook, pagesOf(em, notebook.id()).size(), names());
    }

    private static Notebook toNotebook(Member me, NotebookEntity notebook, int pageCount,
                                       Function<String, String> names) {
        return new Notebook(notebook.id(), notebook.classId(), notebook.title(), notebook.coverColor(),
                notebook.coverMediaId(), notebook.ownerId(), names.apply(notebook.ownerId()), notebook.sharing(),
                pageCount, notebook.createdAt(), notebook.updatedAt(), mayEdit(me, notebook), mayManage(me, notebook));
    }

    private Page toPage(EntityManager em, Member me, PageEntity page, Function<String, String> names) {
        List<Box> boxes = boxesOf(em, page.id()).stream().map(box -> toBox(em, box)).toList();
        LockEntity lock = em.find(LockEntity.class, page.id());
        PageLock shown = lock != null && lock.isLive(now()) ? toLock(me, lock, names) : null;
        return new Page(page.id(), page.notebookId(), page.position(), page.title(), page.updatedAt(), boxes, shown);
    }

    private static PageLock toLock(Member me, LockEntity lock, Function<String, String> names) {
        return new PageLock(lock.pageId(), lock.holderId(), names.apply(lock.holderId()), lock.expiresAt(),
                lock.holderId().equals(me.id()));
    }

    private static Box toBox(EntityManager em, BoxEntity box) {
        MediaInfo media = box.mediaId() == null ? null
                : Optional.ofNullable(em.find(MediaEntity.class, box.mediaId())).map(NotebookService::toMedia)
                .orElse(null);
        Embed embed = box.embedProvider() == null ? null
                : new Embed(Embed.Provider.valueOf(box.embedProvider()), box.embedVideoId());
        return new Box(box.id(), box.pageId(), box.kind(), box.geometry(), box.content(), media, embed);
    }

    private static MediaInfo toMedia(MediaEntity media) {
        return new MediaInfo(media.id(), media.notebookId(), media.contentType(),
                MediaType.kindOf(media.contentType()), media.size(), media.name(), media.createdAt());
    }

    /** Person names for one answer: each person looked up once. */
    private Function<String, String> names() {
        Map<String, String> known = new HashMap<>();
        return id -> known.computeIfAbsent(id, key -> directory.person(key)
                .map(PersonSummary::displayName)
                .orElse(UNKNOWN_PERSON));
    }

    static String text(Locale locale, String key) {
        Locale wanted = locale == null ? Locale.FRENCH : locale;
        return AppTexts.bundle(TEXTS, wanted, NotebookService.class).getString(key);
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }

    private Instant now() {
        return clock.instant();
    }
}
