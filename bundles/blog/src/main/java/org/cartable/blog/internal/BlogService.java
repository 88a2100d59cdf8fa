package org.cartable.blog.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.cartable.api.notify.Notice;
import org.cartable.api.notify.Notifications;
import org.cartable.api.persistence.SchemaMigrator;
import org.cartable.blog.internal.data.BlogEntity;
import org.cartable.blog.internal.data.CommentEntity;
import org.cartable.blog.internal.data.PostEntity;
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
 * The blog's rules, in one place for REST and web alike. Every method first asks {@link ClassAccess} whether the
 * caller belongs to the class and the blog is enabled there, then checks the caller's part in it.
 * <p>
 * Refusals follow the platform's conventions: a post or comment the caller cannot see (or of another class) is
 * NOT_FOUND, so ids cannot be probed; a visible one the caller may not act on is FORBIDDEN; invalid input is
 * BAD_REQUEST; an action the post's state does not allow is CONFLICT.
 */
@Component(service = BlogService.class)
public final class BlogService {

    public static final String CHANGELOG = "db/blog/changelog.xml";
    public static final int TITLE_MAX = 200;
    public static final int BODY_MAX = 100_000;
    public static final int COMMENT_MAX = 5_000;

    /* Input far beyond the stored limit is refused before the sanitiser spends time on it. */
    private static final int RAW_INPUT_MAX = 1_000_000;
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final String UNKNOWN_AUTHOR = "—";
    private static final Logger LOG = LoggerFactory.getLogger(BlogService.class);

    private final JpaTemplate jpa;
    private final ClassAccess classAccess;
    private final Directory directory;
    private final HtmlSanitizer sanitizer;
    private final Clock clock;
    /** Optional: the blog works (without notices) while the platform's notification service is away. */
    private volatile Notifications notifications;

    /** Brings the tables up to date before the service is registered, so nothing reads an old schema. */
    @Activate
    public BlogService(@Reference(name = "jpa", target = "(osgi.unit.name=cartable-blog)") JpaTemplate jpa,
                       @Reference(name = "classAccess") ClassAccess classAccess,
                       @Reference(name = "directory") Directory directory,
                       @Reference(name = "sanitizer") HtmlSanitizer sanitizer,
                       @Reference(name = "migrator") SchemaMigrator migrator,
                       BundleContext context) {
        this(jpa, classAccess, directory, sanitizer, Clock.systemUTC());
        migrator.migrate(context.getBundle(), CHANGELOG);
    }

    /** For tests, on a schema migrated by the test and with a controlled clock. */
    BlogService(JpaTemplate jpa, ClassAccess classAccess, Directory directory, HtmlSanitizer sanitizer,
                Clock clock) {
        this.jpa = jpa;
        this.classAccess = classAccess;
        this.directory = directory;
        this.sanitizer = sanitizer;
        this.clock = clock;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindNotifications(Notifications service) {
        this.notifications = service;
    }

    void unbindNotifications(Notifications service) {
        if (this.notifications == service) {
            this.notifications = null;
        }
    }

    // ---------------------------------------------------------------------------------------------------- reading

    /** @return the blog: settings and the posts the caller may see, pinned first, then newest first */
    public BlogOverview overview(Caller caller, String classId) {
        Member me = member(caller, classId);
        return jpa.txExpr(em -> {
            BlogSettings settings = settings(em, classId);
            String query = "select p from PostEntity p where p.classId = :classId and (p.status = :published"
                    + " or p.authorId = :me" + (me.staff() ? " or p.status = :submitted" : "") + ")";
            var select = em.createQuery(query, PostEntity.class)
                    .setParameter("classId", classId)
                    .setParameter("published", PostStatus.PUBLISHED)
                    .setParameter("me", me.id());
            if (me.staff()) {
                select.setParameter("submitted", PostStatus.SUBMITTED);
            }
            List<PostEntity> posts = select.getResultList();
            Map<String, Long> counts = commentCounts(em, me, posts.stream().map(PostEntity::id).toList());
            Function<String, String> names = names();
            List<Post> visible = posts.stream()
                    .sorted(Comparator.comparing(PostEntity::pinned).reversed()
                            .thenComparing(BlogService::newestFirstKey, Comparator.reverseOrder()))
                    .map(p -> toPost(me, settings, p, counts.getOrDefault(p.id(), 0L).intValue(), names))
                    .toList();
            return new BlogOverview(classId, settings, visible, me.writer(), me.staff());
        });
    }

    /** @return the post with the comments the caller may see, oldest first */
    public PostDetail post(Caller caller, String classId, String postId) {
        Member me = member(caller, classId);
        return jpa.txExpr(em -> detail(em, me, visiblePost(em, me, postId)));
    }

    /** @return the blog's settings (defaults until a teacher changes them) */
    public BlogSettings settings(Caller caller, String classId) {
        member(caller, classId);
        return jpa.txExpr(em -> settings(em, classId));
    }

    // ---------------------------------------------------------------------------------------------------- settings

    /** Staff only. */
    public BlogSettings updateSettings(Caller caller, String classId, BlogSettings settings) {
        Member me = member(caller, classId);
        requireStaff(me, "Only the class's teachers change the blog's settings.");
        if (settings == null || settings.comments() == null) {
            throw CartableException.badRequest("'comments' must be one of NONE, IMMEDIATE, APPROVAL.");
        }
        return jpa.txExpr(em -> {
            BlogEntity blog = em.find(BlogEntity.class, classId);
            if (blog == null) {
                blog = new BlogEntity(classId);
                blog.update(settings.comments(), settings.pupilsPublishDirectly(), now());
                em.persist(blog);
            } else {
                blog.update(settings.comments(), settings.pupilsPublishDirectly(), now());
            }
            return new BlogSettings(blog.commentMode(), blog.pupilsPublishDirectly());
        });
    }

    // ---------------------------------------------------------------------------------------------------- posts

    /**
     * Staff and pupils. {@code publish} asks for publication: staff publish directly, pupils submit to the teacher
     * (or publish when the class allows it); otherwise the post is a draft.
     */
    public Post createPost(Caller caller, String classId, String title, String body, boolean publish) {
        Member me = member(caller, classId);
        if (!me.writer()) {
            throw CartableException.forbidden("Only the class's teachers and pupils write posts.");
        }
        String cleanTitle = title(title);
        String cleanBody = richText(body, BODY_MAX, "body");
        return jpa.txExpr(em -> {
            BlogSettings settings = settings(em, classId);
            Instant now = now();
            PostEntity post = new PostEntity(UUID.randomUUID().toString(), classId, me.id(), now);
            post.edit(cleanTitle, cleanBody, now);
            if (publish) {
                post.moveTo(publicationStatus(me, settings), now);
            }
            em.persist(post);
            if (post.status() == PostStatus.PUBLISHED) {
                announcePublished(post, me.id());
            }
            return toPost(me, settings, post, 0, names());
        });
    }

    /** Staff; the author while the post is not published. */
    public Post updatePost(Caller caller, String classId, String postId, String title, String body) {
        Member me = member(caller, classId);
        String cleanTitle = title(title);
        String cleanBody = richText(body, BODY_MAX, "body");
        return jpa.txExpr(em -> {
            PostEntity post = visiblePost(em, me, postId);
            requireAuthorOrStaff(me, post);
            post.edit(cleanTitle, cleanBody, now());
            if (!me.staff() && post.status() == PostStatus.SUBMITTED) {
                /*
                 * A teacher approves what they read: a pupil's change after submitting goes back to draft and must be
                 * submitted again, so a page opened before the change cannot publish unreviewed text.
                 */
                post.moveTo(PostStatus.DRAFT, now());
            }
            return toPost(em, me, post);
        });
    }

    /** Staff; the author while the post is not published. Its comments go with it. */
    public void deletePost(Caller caller, String classId, String postId) {
        Member me = member(caller, classId);
        jpa.tx(em -> {
            PostEntity post = visiblePost(em, me, postId);
            requireAuthorOrStaff(me, post);
            em.createQuery("delete from CommentEntity c where c.postId = :postId")
                    .setParameter("postId", post.id())
                    .executeUpdate();
            em.remove(post);
        });
    }

    /** The author of a draft: submitted to the teacher, or published when the class lets pupils publish. */
    public Post submit(Caller caller, String classId, String postId) {
        Member me = member(caller, classId);
        return jpa.txExpr(em -> {
            PostEntity post = visiblePost(em, me, postId);
            if (!post.authorId().equals(me.id())) {
                throw CartableException.forbidden("Only the post's author submits it.");
            }
            if (post.status() != PostStatus.DRAFT) {
                throw CartableException.conflict("Only a draft can be submitted; this post is " + post.status() + ".");
            }
            post.moveTo(publicationStatus(me, settings(em, classId)), now());
            if (post.status() == PostStatus.PUBLISHED) {
                announcePublished(post, me.id());
            }
            return toPost(em, me, post);
        });
    }

    /** Staff: publishes a draft or submitted post; publishing a published post changes nothing. */
    public Post publish(Caller caller, String classId, String postId) {
        return moderate(caller, classId, postId, PostStatus.PUBLISHED);
    }

    /** Staff: back to draft, e.g. a submitted post returned to its author, or a published post withdrawn. */
    public Post unpublish(Caller caller, String classId, String postId) {
        return moderate(caller, classId, postId, PostStatus.DRAFT);
    }

    /** Staff: pinned posts come first. */
    public Post pin(Caller caller, String classId, String postId, boolean pinned) {
        Member me = member(caller, classId);
        return jpa.txExpr(em -> {
            PostEntity post = visiblePost(em, me, postId);
            requireStaff(me, "Only the class's teachers pin posts.");
            post.pin(pinned, now());
            return toPost(em, me, post);
        });
    }

    private Post moderate(Caller caller, String classId, String postId, PostStatus target) {
        Member me = member(caller, classId);
        return jpa.txExpr(em -> {
            PostEntity post = visiblePost(em, me, postId);
            requireStaff(me, "Only the class's teachers publish and unpublish posts.");
            PostStatus before = post.status();
            post.moveTo(target, now());
            if (target == PostStatus.PUBLISHED && before != PostStatus.PUBLISHED) {
                announcePublished(post, me.id());
                if (before == PostStatus.SUBMITTED && !post.authorId().equals(me.id())) {
                    announce(BlogApp.POST_APPROVED, post, me.id(), Audience.persons(List.of(post.authorId())));
                }
            }
            return toPost(em, me, post);
        });
    }

    // ---------------------------------------------------------------------------------------------------- comments

    /** Any member on a published post, unless comments are off; pending under APPROVAL unless the staff write. */
    public Comment addComment(Caller caller, String classId, String postId, String body) {
        Member me = member(caller, classId);
        String cleanBody = richText(body, COMMENT_MAX, "comment");
        return jpa.txExpr(em -> {
            PostEntity post = visiblePost(em, me, postId);
            BlogSettings settings = settings(em, classId);
            if (settings.comments() == CommentMode.NONE) {
                throw CartableException.forbidden("Comments are off for this blog.");
            }
            if (post.status() != PostStatus.PUBLISHED) {
                throw CartableException.conflict("Comments open once the post is published.");
            }
            CommentStatus status = settings.comments() == CommentMode.APPROVAL && !me.staff()
                    ? CommentStatus.PENDING
                    : CommentStatus.APPROVED;
            CommentEntity comment = new CommentEntity(UUID.randomUUID().toString(), post.id(), me.id(), cleanBody,
                    status, now());
            em.persist(comment);
            if (status == CommentStatus.PENDING) {
                announce(BlogApp.COMMENT_PENDING, post, me.id(), Audience.persons(
                        directory.teachers(classId).stream().map(PersonSummary::id).toList()));
            }
            return toComment(me, comment, names());
        });
    }

    /** Staff. */
    public Comment approveComment(Caller caller, String classId, String postId, String commentId) {
        Member me = member(caller, classId);
        return jpa.txExpr(em -> {
            CommentEntity comment = visibleComment(em, me, visiblePost(em, me, postId), commentId);
            requireStaff(me, "Only the class's teachers approve comments.");
            comment.approve();
            return toComment(me, comment, names());
        });
    }

    /** Staff; the comment's author. */
    public void deleteComment(Caller caller, String classId, String postId, String commentId) {
        Member me = member(caller, classId);
        jpa.tx(em -> {
            CommentEntity comment = visibleComment(em, me, visiblePost(em, me, postId), commentId);
            if (!me.staff() && !comment.authorId().equals(me.id())) {
                throw CartableException.forbidden("Only the comment's author or the class's teachers delete it.");
            }
            em.remove(comment);
        });
    }

    // ---------------------------------------------------------------------------------------------------- notices

    private void announcePublished(PostEntity post, String actorId) {
        announce(BlogApp.POST_PUBLISHED, post, actorId, Audience.pupilsAndParents(
                directory.pupils(post.classId()).stream().map(PersonSummary::id).toList()));
    }

    /** Published in the blog's own transaction: a write that rolls back announces nothing. */
    private void announce(String type, PostEntity post, String actorId, Audience audience) {
        Notifications service = notifications;
        if (service == null) {
            return;
        }
        try {
            service.publish(new Notice(BlogApp.ID, type, post.classId(), actorId, audience,
                    BlogApp.noticeText(type, post.title()), BlogApp.ID + "/" + post.classId() + "/post/" + post.id()));
        } catch (RuntimeException e) {
            // A notice is a courtesy: the post itself must not fail because the feed could not be written.
            LOG.warn("Notice {} of post {} not published", type, post.id(), e);
        }
    }

    // ---------------------------------------------------------------------------------------------------- rules

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
        return new Member(caller.userId(), classAccess.check(caller, classId, BlogApp.ID));
    }

    private static boolean canSee(Member me, PostEntity post) {
        return post.status() == PostStatus.PUBLISHED
                || post.authorId().equals(me.id())
                || (me.staff() && post.status() == PostStatus.SUBMITTED);
    }

    private static boolean canSee(Member me, CommentEntity comment) {
        return comment.status() == CommentStatus.APPROVED || me.staff() || comment.authorId().equals(me.id());
    }

    private static void requireStaff(Member me, String message) {
        if (!me.staff()) {
            throw CartableException.forbidden(message);
        }
    }

    private static void requireAuthorOrStaff(Member me, PostEntity post) {
        if (me.staff()) {
            return;
        }
        if (!post.authorId().equals(me.id())) {
            throw CartableException.forbidden("Only the post's author or the class's teachers change it.");
        }
        if (post.status() == PostStatus.PUBLISHED) {
            throw CartableException.forbidden("A published post is changed by the class's teachers only.");
        }
    }

    private static PostStatus publicationStatus(Member me, BlogSettings settings) {
        return me.staff() || settings.pupilsPublishDirectly() ? PostStatus.PUBLISHED : PostStatus.SUBMITTED;
    }

    private static Set<PostAction> actions(Member me, BlogSettings settings, PostEntity post) {
        EnumSet<PostAction> actions = EnumSet.noneOf(PostAction.class);
        boolean own = post.authorId().equals(me.id());
        boolean published = post.status() == PostStatus.PUBLISHED;
        if (me.staff() || own && !published) {
            actions.add(PostAction.EDIT);
            actions.add(PostAction.DELETE);
        }
        if (own && post.status() == PostStatus.DRAFT && !me.staff()) {
            actions.add(PostAction.SUBMIT);
        }
        if (me.staff()) {
            actions.add(published ? PostAction.UNPUBLISH : PostAction.PUBLISH);
            if (post.status() == PostStatus.SUBMITTED) {
                actions.add(PostAction.UNPUBLISH);
            }
            actions.add(PostAction.PIN);
        }
        if (published && settings.comments() != CommentMode.NONE) {
            actions.add(PostAction.COMMENT);
        }
        return actions;
    }

    private static Set<CommentAction> actions(Member me, CommentEntity comment) {
        EnumSet<CommentAction> actions = EnumSet.noneOf(CommentAction.class);
        if (me.staff() && comment.status() == CommentStatus.PENDING) {
            actions.add(CommentAction.APPROVE);
        }
        if (me.staff() || comment.authorId().equals(me.id())) {
            actions.add(CommentAction.DELETE);
        }
        return actions;
    }

    // ---------------------------------------------------------------------------------------------------- input

    private static String title(String raw) {
        String title = raw == null ? "" : SPACES.matcher(raw).replaceAll(" ").strip();
        if (title.isEmpty() || title.length() > TITLE_MAX) {
            throw CartableException.badRequest("The title must have 1 to " + TITLE_MAX + " characters.");
        }
        return title;
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

    private static BlogSettings settings(EntityManager em, String classId) {
        BlogEntity blog = em.find(BlogEntity.class, classId);
        return blog == null
                ? BlogSettings.DEFAULTS
                : new BlogSettings(blog.commentMode(), blog.pupilsPublishDirectly());
    }

    /** The post if it belongs to the class and the caller may see it; NOT_FOUND otherwise, whichever it is. */
    private static PostEntity visiblePost(EntityManager em, Member me, String postId) {
        PostEntity post = postId == null ? null : em.find(PostEntity.class, postId);
        if (post == null || !post.classId().equals(me.relation().classId()) || !canSee(me, post)) {
            throw CartableException.notFound("Post not found.");
        }
        return post;
    }

    private static CommentEntity visibleComment(EntityManager em, Member me, PostEntity post, String commentId) {
        CommentEntity comment = commentId == null ? null : em.find(CommentEntity.class, commentId);
        if (comment == null || !comment.postId().equals(post.id()) || !canSee(me, comment)) {
            throw CartableException.notFound("Comment not found.");
        }
        return comment;
    }

    /** Number of comments the caller can see, per post. */
    private static Map<String, Long> commentCounts(EntityManager em, Member me, List<String> postIds) {
        Map<String, Long> counts = new HashMap<>();
        if (postIds.isEmpty()) {
            return counts;
        }
        String query = "select c.postId, count(*) from CommentEntity c where c.postId in :postIds"
                + (me.staff() ? "" : " and (c.status = :approved or c.authorId = :me)") + " group by c.postId";
        var select = em.createQuery(query, Object[].class).setParameter("postIds", postIds);
        if (!me.staff()) {
            select.setParameter("approved", CommentStatus.APPROVED).setParameter("me", me.id());
        }
        for (Object[] row : select.getResultList()) {
            counts.put((String) row[0], (Long) row[1]);
        }
        return counts;
    }

    private PostDetail detail(EntityManager em, Member me, PostEntity post) {
        Function<String, String> names = names();
        List<Comment> comments = em.createQuery(
                        "select c from CommentEntity c where c.postId = :postId order by c.createdAt, c.id",
                        CommentEntity.class)
                .setParameter("postId", post.id())
                .getResultList().stream()
                .filter(c -> canSee(me, c))
                .map(c -> toComment(me, c, names))
                .toList();
        BlogSettings settings = settings(em, post.classId());
        return new PostDetail(toPost(me, settings, post, comments.size(), names), comments);
    }

    private Post toPost(EntityManager em, Member me, PostEntity post) {
        return detail(em, me, post).post();
    }

    private static Post toPost(Member me, BlogSettings settings, PostEntity post, int commentCount,
                               Function<String, String> names) {
        return new Post(post.id(), post.classId(), post.title(), post.body(), post.authorId(),
                names.apply(post.authorId()), post.status(), post.pinned(), post.createdAt(), post.updatedAt(),
                post.publishedAt(), commentCount, actions(me, settings, post));
    }

    private static Comment toComment(Member me, CommentEntity comment, Function<String, String> names) {
        return new Comment(comment.id(), comment.postId(), comment.body(), comment.authorId(),
                names.apply(comment.authorId()), comment.status(), comment.createdAt(), actions(me, comment));
    }

    private static Instant newestFirstKey(PostEntity post) {
        return post.publishedAt() != null ? post.publishedAt() : post.createdAt();
    }

    /** Author names for one answer: each person looked up once. */
    private Function<String, String> names() {
        Map<String, String> known = new HashMap<>();
        return id -> known.computeIfAbsent(id, key -> directory.person(key)
                .map(PersonSummary::displayName)
                .orElse(UNKNOWN_AUTHOR));
    }

    private Instant now() {
        return clock.instant();
    }
}
