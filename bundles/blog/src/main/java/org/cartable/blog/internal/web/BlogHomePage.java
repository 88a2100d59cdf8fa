package org.cartable.blog.internal.web;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.wicket.Component;
import org.apache.wicket.markup.html.WebMarkupContainer;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.form.Button;
import org.apache.wicket.markup.html.form.CheckBox;
import org.apache.wicket.markup.html.form.DropDownChoice;
import org.apache.wicket.markup.html.form.EnumChoiceRenderer;
import org.apache.wicket.markup.html.form.Form;
import org.apache.wicket.markup.html.form.TextArea;
import org.apache.wicket.markup.html.form.TextField;
import org.apache.wicket.markup.html.link.BookmarkablePageLink;
import org.apache.wicket.markup.html.list.ListItem;
import org.apache.wicket.markup.html.list.ListView;
import org.apache.wicket.model.IModel;
import org.apache.wicket.model.LambdaModel;
import org.apache.wicket.model.LoadableDetachableModel;
import org.apache.wicket.model.Model;
import org.apache.wicket.model.StringResourceModel;
import org.apache.wicket.request.mapper.parameter.PageParameters;
import org.apache.wicket.validation.validator.StringValidator;
import org.cartable.api.Directory;
import org.cartable.api.PersonSummary;
import org.cartable.api.web.RichText;
import org.cartable.api.web.Services;
import org.cartable.api.web.VisibleWhen;
import org.cartable.blog.internal.BlogOverview;
import org.cartable.blog.internal.BlogService;
import org.cartable.blog.internal.BlogSettings;
import org.cartable.blog.internal.CommentMode;
import org.cartable.blog.internal.Post;
import org.cartable.blog.internal.PostAction;
import org.cartable.blog.internal.PostStatus;

/**
 * The class's blog: the posts the caller may see, the writing form for teachers and pupils, and for the staff the
 * posts to approve and the settings. Every button calls {@link BlogService}, which decides; the page only hides
 * what the service says the caller may not do.
 */
public class BlogHomePage extends BlogBasePage {

    private static final long serialVersionUID = 1L;
    private static final int EXCERPT_LENGTH = 280;

    private final IModel<BlogOverview> overview;
    /** The post whose deletion waits for confirmation (a second click, since the page runs no script). */
    private String confirmingDeletion;

    public BlogHomePage(PageParameters parameters) {
        super(parameters);
        overview = LoadableDetachableModel.of(() -> load(() -> blog().overview(caller(), classId())));

        add(new Label("className", classInfo().name()));
        add(forChildren("forChildren"));
        add(new NewPostForm("newPost"));
        add(toApprove("toApprove"));
        add(posts("posts"));
        add(new SettingsForm("settings"));
    }

    /** For a parent: whose class this is ("Pour Léa"). */
    private Component forChildren(String id) {
        Directory directory = Services.get(Directory.class);
        String names = relation().childIds().stream()
                .map(childId -> directory.person(childId).map(PersonSummary::displayName).orElse(""))
                .filter(name -> !name.isEmpty())
                // first names, as the class calls its pupils
                .map(name -> name.split(" ")[0])
                .collect(Collectors.joining(", "));
        Label label = new Label(id, new StringResourceModel("forChildren", this).setParameters(names));
        label.setVisible(relation().isParent() && !names.isEmpty());
        return label;
    }

    private Component toApprove(String id) {
        IModel<List<Post>> submitted = overview.map(o -> o.posts().stream()
                .filter(post -> post.status() == PostStatus.SUBMITTED && post.may(PostAction.PUBLISH))
                .toList());
        WebMarkupContainer section = new WebMarkupContainer(id);
        section.add(VisibleWhen.of(() -> !submitted.getObject().isEmpty()));
        section.add(new ListView<>("post", submitted) {
            @Override
            protected void populateItem(ListItem<Post> item) {
                Post post = item.getModelObject();
                item.add(postLink("link", post));
                item.add(new Label("author", author(post.authorId(), post.authorName())));
                Form<Void> actions = new Form<>("actions");
                actions.add(button("publish", () -> blog().publish(caller(), classId(), post.id()),
                        "published"));
                actions.add(button("return", () -> blog().unpublish(caller(), classId(), post.id()),
                        "returned"));
                item.add(actions);
            }
        });
        return section;
    }

    private Component posts(String id) {
        WebMarkupContainer section = new WebMarkupContainer(id);
        IModel<List<Post>> posts = overview.map(BlogOverview::posts);
        section.add(new ListView<>("post", posts) {
            @Override
            protected void populateItem(ListItem<Post> item) {
                populatePost(item);
            }
        });
        section.add(new WebMarkupContainer("empty").add(VisibleWhen.of(() -> posts.getObject().isEmpty())));
        return section;
    }

    private void populatePost(ListItem<Post> item) {
        Post post = item.getModelObject();
        item.add(postLink("link", post));
        item.add(new WebMarkupContainer("pinned").setVisible(post.pinned()));
        item.add(statusBadge("status", post.status()));
        item.add(new Label("author", author(post.authorId(), post.authorName())));
        item.add(new Label("date", format(post.publishedAt() != null ? post.publishedAt() : post.createdAt())));
        item.add(new Label("excerpt", RichText.excerpt(post.body(), EXCERPT_LENGTH)));
        item.add(new Label("comments", new StringResourceModel("commentCount", this)
                .setParameters(post.commentCount())));

        Form<Void> actions = new Form<>("actions");
        actions.setVisible(post.may(PostAction.PIN) || post.may(PostAction.DELETE));
        actions.add(button("pin", () -> blog().pin(caller(), classId(), post.id(), true), "pinnedDone")
                .setVisible(post.may(PostAction.PIN) && !post.pinned()));
        actions.add(button("unpin", () -> blog().pin(caller(), classId(), post.id(), false), "unpinnedDone")
                .setVisible(post.may(PostAction.PIN) && post.pinned()));
        boolean confirming = post.id().equals(confirmingDeletion);
        actions.add(new Button("delete") {
            @Override
            public void onSubmit() {
                confirmingDeletion = post.id();
            }
        }.setVisible(post.may(PostAction.DELETE) && !confirming));
        WebMarkupContainer confirm = new WebMarkupContainer("confirm");
        confirm.setVisible(post.may(PostAction.DELETE) && confirming);
        confirm.add(button("yes", () -> blog().deletePost(caller(), classId(), post.id()), "deleted"));
        confirm.add(new Button("no") {
            @Override
            public void onSubmit() {
                confirmingDeletion = null;
            }
        });
        actions.add(confirm);
        item.add(actions);
    }

    static Component statusBadge(String id, PostStatus status) {
        Label badge = new Label(id, new StringResourceModel("status." + status.name()));
        badge.setVisible(status != PostStatus.PUBLISHED);
        return badge;
    }

    private BookmarkablePageLink<Void> postLink(String id, Post post) {
        BookmarkablePageLink<Void> link = new BookmarkablePageLink<>(id, BlogPostPage.class,
                BlogPostPage.parameters(classId(), post.id()));
        link.setBody(Model.of(post.title()));
        return link;
    }

    /** A submit button running one service call; success shows the given message, then the list is reloaded. */
    private Button button(String id, Action action, String successKey) {
        return new Button(id) {
            @Override
            public void onSubmit() {
                confirmingDeletion = null;
                if (act(action)) {
                    success(getString(successKey));
                }
                overview.detach();
            }
        };
    }

    @Override
    protected void onDetach() {
        overview.detach();
        super.onDetach();
    }

    /** Teachers publish or keep a draft; pupils send to the teacher (or publish, if allowed) or keep a draft. */
    private final class NewPostForm extends Form<Void> {

        private static final long serialVersionUID = 1L;

        private String title;
        private String body;

        NewPostForm(String id) {
            super(id);
            add(new TextField<>("title", LambdaModel.of(() -> title, value -> title = value))
                    .setRequired(true)
                    .add(StringValidator.maximumLength(BlogService.TITLE_MAX)));
            add(new TextArea<>("body", LambdaModel.of(() -> body, value -> body = value)).setRequired(true));
            add(new Button("publish") {
                @Override
                public void onSubmit() {
                    save(true);
                }

                @Override
                protected void onConfigure() {
                    super.onConfigure();
                    setVisible(publishesDirectly());
                }
            });
            add(new Button("submit") {
                @Override
                public void onSubmit() {
                    save(true);
                }

                @Override
                protected void onConfigure() {
                    super.onConfigure();
                    setVisible(!publishesDirectly());
                }
            });
            add(new Button("draft") {
                @Override
                public void onSubmit() {
                    save(false);
                }
            });
        }

        /** Whether "publish" publishes (staff, or pupils where allowed) rather than sending to the teacher. */
        private boolean publishesDirectly() {
            BlogOverview current = overview.getObject();
            return current.mayManage() || current.settings().pupilsPublishDirectly();
        }

        private void save(boolean publish) {
            String html = RichText.fromTextarea(body);
            if (act(() -> blog().createPost(caller(), classId(), title, html, publish))) {
                success(getString(publish ? "created.publish" : "created.draft"));
                title = null;
                body = null;
            }
            overview.detach();
        }

        @Override
        protected void onConfigure() {
            super.onConfigure();
            setVisible(overview.getObject().mayWrite());
        }
    }

    /** The staff's settings of the class's blog. */
    private final class SettingsForm extends Form<Void> {

        private static final long serialVersionUID = 1L;

        private CommentMode comments;
        private Boolean pupilsPublishDirectly;

        SettingsForm(String id) {
            super(id);
            add(new DropDownChoice<>("comments", LambdaModel.of(this::comments, value -> comments = value),
                    Arrays.asList(CommentMode.values()), new EnumChoiceRenderer<>(this)).setRequired(true));
            // its label follows it, too late for wicket:for to ask for the markup id
            add(new CheckBox("pupilsPublishDirectly",
                    LambdaModel.of(this::pupilsPublishDirectly, value -> pupilsPublishDirectly = value))
                    .setOutputMarkupId(true));
            add(new Button("save"));
        }

        private CommentMode comments() {
            return comments != null ? comments : overview.getObject().settings().comments();
        }

        private Boolean pupilsPublishDirectly() {
            return pupilsPublishDirectly != null
                    ? pupilsPublishDirectly
                    : overview.getObject().settings().pupilsPublishDirectly();
        }

        @Override
        protected void onSubmit() {
            BlogSettings wanted = new BlogSettings(comments(), Boolean.TRUE.equals(pupilsPublishDirectly()));
            if (act(() -> blog().updateSettings(caller(), classId(), wanted))) {
                success(getString("settings.saved"));
            }
            comments = null;
            pupilsPublishDirectly = null;
            overview.detach();
        }

        @Override
        protected void onConfigure() {
            super.onConfigure();
            setVisible(overview.getObject().mayManage());
        }
    }
}
