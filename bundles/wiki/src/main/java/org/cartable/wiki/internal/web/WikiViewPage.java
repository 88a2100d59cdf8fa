package org.cartable.wiki.internal.web;

import java.util.List;

import org.apache.wicket.AttributeModifier;
import org.apache.wicket.Component;
import org.apache.wicket.markup.html.WebMarkupContainer;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.form.Button;
import org.apache.wicket.markup.html.form.CheckBox;
import org.apache.wicket.markup.html.form.Form;
import org.apache.wicket.markup.html.form.TextArea;
import org.apache.wicket.markup.html.link.BookmarkablePageLink;
import org.apache.wicket.markup.html.list.ListItem;
import org.apache.wicket.markup.html.list.ListView;
import org.apache.wicket.model.IModel;
import org.apache.wicket.model.LambdaModel;
import org.apache.wicket.model.LoadableDetachableModel;
import org.apache.wicket.model.StringResourceModel;
import org.apache.wicket.request.mapper.parameter.PageParameters;
import org.apache.wicket.validation.validator.StringValidator;
import org.cartable.api.web.RichText;
import org.cartable.api.web.VisibleWhen;
import org.cartable.wiki.internal.Comment;
import org.cartable.wiki.internal.PageAction;
import org.cartable.wiki.internal.PageRef;
import org.cartable.wiki.internal.WikiOverview;
import org.cartable.wiki.internal.WikiPage;
import org.cartable.wiki.internal.WikiService;
import org.cartable.wiki.internal.WikiSettings;

/**
 * One page of the class's wiki: the page list on the side (folded on phones), the path from the home page, the
 * content with its links, sub-pages and comments, and the buttons the service says the caller may use.
 */
public class WikiViewPage extends WikiBasePage {

    private static final long serialVersionUID = 1L;

    private final String pageId;
    private final IModel<WikiPage> page;
    private final IModel<WikiOverview> overview;
    private boolean confirmingDeletion;

    public WikiViewPage(PageParameters parameters) {
        super(parameters);
        pageId = pageId(parameters);
        page = LoadableDetachableModel.of(() -> load(() -> wiki().page(caller(), classId(), pageId)));
        overview = LoadableDetachableModel.of(() -> load(() -> wiki().overview(caller(), classId())));
        // Refuse at once a page that cannot be seen, rather than a page that fails while rendering.
        page.getObject();

        add(tree("tree"));
        add(new ListView<>("crumb", page.map(WikiPage::ancestors)) {
            @Override
            protected void populateItem(ListItem<PageRef> item) {
                item.add(pageLink("link", item.getModelObject()));
            }
        });
        add(new Label("title", page.map(WikiPage::title)));
        add(new Label("meta", new StringResourceModel("meta", this).setParameters(page.map(WikiPage::version),
                page.map(WikiPage::updatedByName), page.map(p -> format(p.updatedAt()))))
                .add(VisibleWhen.of(() -> page.getObject().version() > 0)));
        add(new BookmarkablePageLink<Void>("edit", WikiEditPage.class, pageParameters(classId(), pageId))
                .add(VisibleWhen.of(() -> page.getObject().may(PageAction.EDIT))));
        add(new BookmarkablePageLink<Void>("addChild", WikiNewPage.class, WikiNewPage.parameters(classId(), pageId, null))
                .add(VisibleWhen.of(() -> page.getObject().may(PageAction.EDIT))));
        add(new BookmarkablePageLink<Void>("history", WikiHistoryPage.class, pageParameters(classId(), pageId))
                .add(VisibleWhen.of(() -> page.getObject().version() > 0)));
        add(new WebMarkupContainer("empty").add(VisibleWhen.of(() -> page.getObject().content().isBlank())));
        // The service's rendering: sanitised content whose [[links]] became links it built itself.
        add(new Label("content", page.map(WikiPage::html)).setEscapeModelStrings(false)
                .add(VisibleWhen.of(() -> !page.getObject().content().isBlank())));
        add(children("children"));
        add(ordering("order"));
        add(deletion("deletion"));
        add(comments("comments"));
        add(new CommentForm("newComment"));
        add(new SettingsForm("settings"));
    }

    /** @return parameters opening a page */
    public static PageParameters parameters(String classId, String pageId) {
        return pageParameters(classId, pageId);
    }

    /** The page to show; the home page's subclass finds it itself. */
    protected String pageId(PageParameters parameters) {
        return parameters.get(PAGE_ID).toString("");
    }

    private Component tree(String id) {
        WebMarkupContainer tree = new WebMarkupContainer(id);
        tree.add(new Label("count", overview.map(o -> o.tree().flatten().size())));
        tree.add(new ListView<>("node", overview.map(o -> entries(o.tree()))) {
            @Override
            protected void populateItem(ListItem<Entry> item) {
                Entry entry = item.getModelObject();
                item.add(AttributeModifier.replace("class", "wiki-depth-" + Math.min(entry.depth(), 4)));
                BookmarkablePageLink<Void> link = pageLink("link", new PageRef(entry.id(), entry.title()));
                if (entry.id().equals(pageId)) {
                    link.add(AttributeModifier.replace("aria-current", "page"));
                }
                item.add(link);
            }
        });
        tree.add(new BookmarkablePageLink<Void>("newPage", WikiNewPage.class,
                WikiNewPage.parameters(classId(), null, null))
                .add(VisibleWhen.of(() -> overview.getObject().canEdit())));
        return tree;
    }

    private BookmarkablePageLink<Void> pageLink(String id, PageRef ref) {
        BookmarkablePageLink<Void> link = new BookmarkablePageLink<>(id, WikiViewPage.class,
                parameters(classId(), ref.id()));
        link.setBody(org.apache.wicket.model.Model.of(ref.title()));
        return link;
    }

    private Component children(String id) {
        IModel<List<PageRef>> children = page.map(WikiPage::children);
        WebMarkupContainer section = new WebMarkupContainer(id);
        section.add(VisibleWhen.of(() -> !children.getObject().isEmpty()));
        section.add(new ListView<>("child", children) {
            @Override
            protected void populateItem(ListItem<PageRef> item) {
                item.add(pageLink("link", item.getModelObject()));
            }
        });
        return section;
    }

    /** Up and down among the sibling pages, for those who edit; moving elsewhere is done in the editor. */
    private Component ordering(String id) {
        Form<Void> form = new Form<>(id);
        form.add(VisibleWhen.of(() -> page.getObject().may(PageAction.EDIT) && !page.getObject().home()));
        form.add(moveButton("up", -1).add(VisibleWhen.of(() -> page.getObject().position() > 0)));
        form.add(moveButton("down", 1).add(VisibleWhen.of(() -> page.getObject().position() < siblings() - 1)));
        return form;
    }

    private int siblings() {
        String parentId = page.getObject().parentId();
        return overview.getObject().tree().flatten().stream().filter(node -> node.id().equals(parentId))
                .findFirst().map(node -> node.children().size()).orElse(0);
    }

    private Button moveButton(String id, int step) {
        return new Button(id) {
            @Override
            public void onSubmit() {
                WikiPage current = page.getObject();
                if (act(() -> wiki().movePage(caller(), classId(), pageId, current.parentId(),
                        Math.max(0, current.position() + step)))) {
                    success(getString("moved"));
                }
                page.detach();
                overview.detach();
            }
        };
    }

    private Component deletion(String id) {
        Form<Void> form = new Form<>(id);
        form.add(VisibleWhen.of(() -> page.getObject().may(PageAction.DELETE)));
        form.add(new Button("delete") {
            @Override
            public void onSubmit() {
                confirmingDeletion = true;
            }
        }.add(VisibleWhen.of(() -> !confirmingDeletion)));
        WebMarkupContainer confirm = new WebMarkupContainer("confirm");
        confirm.add(VisibleWhen.of(() -> confirmingDeletion));
        confirm.add(new Button("yes") {
            @Override
            public void onSubmit() {
                confirmingDeletion = false;
                String parentId = page.getObject().parentId();
                if (act(() -> wiki().deletePage(caller(), classId(), pageId))) {
                    getSession().success(getString("deleted"));
                    setResponsePage(WikiViewPage.class, parameters(classId(), parentId));
                }
                page.detach();
            }
        });
        confirm.add(new Button("no") {
            @Override
            public void onSubmit() {
                confirmingDeletion = false;
            }
        });
        form.add(confirm);
        return form;
    }

    private Component comments(String id) {
        IModel<List<Comment>> comments = page.map(WikiPage::comments);
        WebMarkupContainer section = new WebMarkupContainer(id);
        section.add(new Label("count", new StringResourceModel("commentCount", this)
                .setParameters(comments.map(List::size))));
        section.add(new ListView<>("comment", comments) {
            @Override
            protected void populateItem(ListItem<Comment> item) {
                Comment comment = item.getModelObject();
                item.add(new Label("author", comment.authorName()));
                item.add(new Label("date", format(comment.createdAt())));
                // Sanitised by the service before it was stored.
                item.add(new Label("body", comment.body()).setEscapeModelStrings(false));
                Form<Void> actions = new Form<>("actions");
                actions.setVisible(comment.deletable());
                actions.add(new Button("delete") {
                    @Override
                    public void onSubmit() {
                        if (act(() -> wiki().deleteComment(caller(), classId(), pageId, comment.id()))) {
                            success(getString("commentDeleted"));
                        }
                        page.detach();
                    }
                });
                item.add(actions);
            }
        });
        return section;
    }

    @Override
    protected void onDetach() {
        page.detach();
        overview.detach();
        super.onDetach();
    }

    /** A comment, for the class's teachers and pupils. */
    private final class CommentForm extends Form<Void> {

        private static final long serialVersionUID = 1L;

        private String body;

        CommentForm(String id) {
            super(id);
            add(new TextArea<>("body", LambdaModel.of(() -> body, value -> body = value))
                    .setRequired(true)
                    .add(StringValidator.maximumLength(WikiService.COMMENT_MAX)));
            add(new Button("send"));
        }

        @Override
        protected void onSubmit() {
            String html = RichText.fromTextarea(body);
            if (act(() -> wiki().addComment(caller(), classId(), pageId, html))) {
                success(getString("commentAdded"));
                body = null;
            }
            page.detach();
        }

        @Override
        protected void onConfigure() {
            super.onConfigure();
            setVisible(page.getObject().may(PageAction.COMMENT));
        }
    }

    /** The staff's settings, on the home page. */
    private final class SettingsForm extends Form<Void> {

        private static final long serialVersionUID = 1L;

        private Boolean teachersOnly;

        SettingsForm(String id) {
            super(id);
            add(new CheckBox("teachersOnly", LambdaModel.of(
                    () -> teachersOnly != null ? teachersOnly : overview.getObject().settings().teachersOnly(),
                    value -> teachersOnly = value)));
            add(new Button("save"));
        }

        @Override
        protected void onSubmit() {
            boolean value = Boolean.TRUE.equals(teachersOnly);
            if (act(() -> wiki().updateSettings(caller(), classId(), new WikiSettings(value)))) {
                success(getString("settings.saved"));
            }
            teachersOnly = null;
            overview.detach();
            page.detach();
        }

        @Override
        protected void onConfigure() {
            super.onConfigure();
            setVisible(overview.getObject().staff() && page.getObject().home());
        }
    }
}
