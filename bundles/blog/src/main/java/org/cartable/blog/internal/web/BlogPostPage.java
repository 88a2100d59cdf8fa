package org.cartable.blog.internal.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.apache.wicket.Component;
import org.apache.wicket.behavior.Behavior;
import org.apache.wicket.markup.html.WebMarkupContainer;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.form.Button;
import org.apache.wicket.markup.html.form.Form;
import org.apache.wicket.markup.html.form.TextArea;
import org.apache.wicket.markup.html.form.TextField;
import org.apache.wicket.markup.html.link.BookmarkablePageLink;
import org.apache.wicket.markup.html.list.ListItem;
import org.apache.wicket.markup.html.list.ListView;
import org.apache.wicket.model.IModel;
import org.apache.wicket.model.LambdaModel;
import org.apache.wicket.model.LoadableDetachableModel;
import org.apache.wicket.model.StringResourceModel;
import org.apache.wicket.request.mapper.parameter.PageParameters;
import org.apache.wicket.validation.validator.StringValidator;
import org.cartable.api.CartableException;
import org.cartable.api.web.RichText;
import org.cartable.api.web.VisibleWhen;
import org.cartable.blog.internal.BlogService;
import org.cartable.blog.internal.Comment;
import org.cartable.blog.internal.CommentAction;
import org.cartable.blog.internal.CommentStatus;
import org.cartable.blog.internal.Post;
import org.cartable.blog.internal.PostAction;
import org.cartable.blog.internal.PostDetail;
import org.cartable.blog.internal.PostStatus;

/** One post with its comments, and what the caller may do with them. */
public class BlogPostPage extends BlogBasePage {

    private static final long serialVersionUID = 1L;

    /** Name of the page parameter (and mount path segment) carrying the post id. */
    public static final String POST_ID = "postId";

    /* The actions offered by buttons above the post (commenting has its own form). */
    private static final Set<PostAction> MANAGING = EnumSet.complementOf(EnumSet.of(PostAction.COMMENT));

    private final String postId;
    private final IModel<PostDetail> detail;
    private boolean editing;
    private boolean confirmingDeletion;

    public BlogPostPage(PageParameters parameters) {
        super(parameters);
        postId = parameters.get(POST_ID).toString("");
        detail = LoadableDetachableModel.of(() -> load(() -> blog().post(caller(), classId(), postId)));
        IModel<Post> post = detail.map(PostDetail::post);
        // Refuse at once a post that cannot be seen, rather than a page that fails while rendering.
        detail.getObject();

        add(new BookmarkablePageLink<Void>("back", BlogHomePage.class, forClass(classId())));
        add(new Label("title", post.map(Post::title)));
        add(new WebMarkupContainer("pinned").add(VisibleWhen.of(() -> post.getObject().pinned())));
        add(new Label("status", post.map(p -> getString("status." + p.status().name())))
                .add(VisibleWhen.of(() -> post.getObject().status() != PostStatus.PUBLISHED)));
        add(new Label("author", post.map(p -> author(p.authorId(), p.authorName()))));
        add(new Label("date", post.map(p -> format(p.publishedAt() != null ? p.publishedAt() : p.createdAt()))));
        // Sanitised by the service before it was stored: the only markup rendered unescaped.
        add(new Label("body", post.map(Post::body)).setEscapeModelStrings(false));
        add(actions("actions", post));
        add(new EditForm("edit", post));
        add(comments("comments"));
        add(new CommentForm("newComment", post));
    }

    /** @return parameters opening the post of a class */
    public static PageParameters parameters(String classId, String postId) {
        return forClass(classId).add(POST_ID, postId);
    }

    private Component actions(String id, IModel<Post> post) {
        Form<Void> actions = new Form<>(id);
        actions.add(VisibleWhen.of(() -> !editing && MANAGING.stream().anyMatch(post.getObject()::may)));
        actions.add(new Button("edit") {
            @Override
            public void onSubmit() {
                editing = true;
            }
        }.add(visibleIf(post, PostAction.EDIT)));
        actions.add(postButton("submit", post, PostAction.SUBMIT, () -> blog().submit(caller(), classId(), postId),
                "submitted"));
        actions.add(postButton("publish", post, PostAction.PUBLISH,
                () -> blog().publish(caller(), classId(), postId), "published"));
        actions.add(postButton("unpublish", post, PostAction.UNPUBLISH,
                () -> blog().unpublish(caller(), classId(), postId), "unpublished"));
        actions.add(pinButton("pin", post, true));
        actions.add(pinButton("unpin", post, false));
        actions.add(new Button("delete") {
            @Override
            public void onSubmit() {
                confirmingDeletion = true;
            }

            @Override
            protected void onConfigure() {
                super.onConfigure();
                setVisible(post.getObject().may(PostAction.DELETE) && !confirmingDeletion);
            }
        });
        WebMarkupContainer confirm = new WebMarkupContainer("confirm");
        confirm.add(VisibleWhen.of(() -> post.getObject().may(PostAction.DELETE) && confirmingDeletion));
        confirm.add(new Button("yes") {
            @Override
            public void onSubmit() {
                confirmingDeletion = false;
                if (act(() -> blog().deletePost(caller(), classId(), postId))) {
                    getSession().success(getString("deleted"));
                    setResponsePage(BlogHomePage.class, forClass(classId()));
                }
            }
        });
        confirm.add(new Button("no") {
            @Override
            public void onSubmit() {
                confirmingDeletion = false;
            }
        });
        actions.add(confirm);
        return actions;
    }

    private Button pinButton(String id, IModel<Post> post, boolean pin) {
        return new Button(id) {
            @Override
            public void onSubmit() {
                if (act(() -> blog().pin(caller(), classId(), postId, pin))) {
                    success(getString(pin ? "pinnedDone" : "unpinnedDone"));
                }
                detail.detach();
            }

            @Override
            protected void onConfigure() {
                super.onConfigure();
                setVisible(post.getObject().may(PostAction.PIN) && post.getObject().pinned() != pin);
            }
        };
    }

    private Button postButton(String id, IModel<Post> post, PostAction action, Action call, String successKey) {
        Button button = new Button(id) {
            @Override
            public void onSubmit() {
                if (act(call)) {
                    success(getString(successKey));
                }
                detail.detach();
            }
        };
        button.add(visibleIf(post, action));
        return button;
    }

    private static Behavior visibleIf(IModel<Post> post, PostAction action) {
        return new Behavior() {
            @Override
            public void onConfigure(Component component) {
                component.setVisible(post.getObject().may(action));
            }
        };
    }

    private Component comments(String id) {
        IModel<List<Comment>> comments = detail.map(PostDetail::comments);
        WebMarkupContainer section = new WebMarkupContainer(id);
        section.add(new Label("count", new StringResourceModel("commentCount", this)
                .setParameters(comments.map(List::size))));
        section.add(new ListView<>("comment", comments) {
            @Override
            protected void populateItem(ListItem<Comment> item) {
                Comment comment = item.getModelObject();
                item.add(new Label("author", author(comment.authorId(), comment.authorName())));
                item.add(new Label("date", format(comment.createdAt())));
                item.add(new WebMarkupContainer("pending").setVisible(comment.status() == CommentStatus.PENDING));
                // Sanitised by the service before it was stored.
                item.add(new Label("body", comment.body()).setEscapeModelStrings(false));
                Form<Void> actions = new Form<>("actions");
                actions.setVisible(!comment.actions().isEmpty());
                actions.add(commentButton("approve", comment, CommentAction.APPROVE,
                        () -> blog().approveComment(caller(), classId(), postId, comment.id()), "approved"));
                actions.add(commentButton("delete", comment, CommentAction.DELETE,
                        () -> blog().deleteComment(caller(), classId(), postId, comment.id()), "commentDeleted"));
                item.add(actions);
            }
        });
        return section;
    }

    private Button commentButton(String id, Comment comment, CommentAction action, Action call,
                                 String successKey) {
        Button button = new Button(id) {
            @Override
            public void onSubmit() {
                if (act(call)) {
                    success(getString(successKey));
                }
                detail.detach();
            }
        };
        button.setVisible(comment.may(action));
        return button;
    }

    @Override
    protected void onDetach() {
        detail.detach();
        super.onDetach();
    }

    /** Title and body of the post, for whoever may edit it. */
    private final class EditForm extends Form<Void> {

        private static final long serialVersionUID = 1L;

        private String title;
        private String body;

        EditForm(String id, IModel<Post> post) {
            super(id);
            add(new TextField<>("title", LambdaModel.of(() -> title != null ? title : post.getObject().title(),
                    value -> title = value))
                    .setRequired(true)
                    .add(StringValidator.maximumLength(BlogService.TITLE_MAX)));
            add(new TextArea<>("body", LambdaModel.of(() -> body != null ? body : post.getObject().body(),
                    value -> body = value))
                    .setRequired(true));
            add(new Button("save"));
            add(new Button("cancel") {
                @Override
                public void onSubmit() {
                    stopEditing();
                }
            }.setDefaultFormProcessing(false));
        }

        @Override
        protected void onSubmit() {
            String html = RichText.fromTextarea(body);
            if (act(() -> blog().updatePost(caller(), classId(), postId, title, html))) {
                success(getString("saved"));
                stopEditing();
            }
            detail.detach();
        }

        private void stopEditing() {
            editing = false;
            title = null;
            body = null;
        }

        @Override
        protected void onConfigure() {
            super.onConfigure();
            setVisible(editing && detail.getObject().post().may(PostAction.EDIT));
        }
    }

    /** A comment, where the blog takes comments and the post is published. */
    private final class CommentForm extends Form<Void> {

        private static final long serialVersionUID = 1L;

        private String body;

        CommentForm(String id, IModel<Post> post) {
            super(id);
            add(new TextArea<>("body", LambdaModel.of(() -> body, value -> body = value))
                    .setRequired(true)
                    .add(StringValidator.maximumLength(BlogService.COMMENT_MAX)));
            add(new Button("send"));
        }

        @Override
        protected void onSubmit() {
            String html = RichText.fromTextarea(body);
            try {
                Comment comment = blog().addComment(caller(), classId(), postId, html);
                success(getString(comment.status() == CommentStatus.PENDING ? "commentPending" : "commentAdded"));
                body = null;
            } catch (CartableException refused) {
                error(getString("error." + refused.kind().code()));
            }
            detail.detach();
        }

        @Override
        protected void onConfigure() {
            super.onConfigure();
            setVisible(detail.getObject().post().may(PostAction.COMMENT));
        }
    }
}
