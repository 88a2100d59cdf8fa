package org.cartable.wiki.internal.web;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.wicket.markup.html.WebMarkupContainer;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.form.Button;
import org.apache.wicket.markup.html.form.ChoiceRenderer;
import org.apache.wicket.markup.html.form.DropDownChoice;
import org.apache.wicket.markup.html.form.Form;
import org.apache.wicket.markup.html.form.TextArea;
import org.apache.wicket.markup.html.form.TextField;
import org.apache.wicket.markup.html.link.BookmarkablePageLink;
import org.apache.wicket.model.IModel;
import org.apache.wicket.model.LambdaModel;
import org.apache.wicket.model.LoadableDetachableModel;
import org.apache.wicket.model.StringResourceModel;
import org.apache.wicket.request.mapper.parameter.PageParameters;
import org.apache.wicket.validation.validator.StringValidator;
import org.cartable.api.CartableException;
import org.cartable.api.web.RichText;
import org.cartable.api.web.VisibleWhen;
import org.cartable.wiki.internal.EditConflict;
import org.cartable.wiki.internal.PageAction;
import org.cartable.wiki.internal.TreeNode;
import org.cartable.wiki.internal.WikiPage;
import org.cartable.wiki.internal.WikiService;

/**
 * The editor of a page: title, text (plain text or simple HTML; {@code [[Title]]} links to another page) and the
 * parent page. The save carries the version the writer started from; if someone saved since, nothing is lost: the
 * writer's text stays in the form, the page says who saved and when, links to the comparison, and offers to save
 * over it knowingly.
 */
public class WikiEditPage extends WikiBasePage {

    private static final long serialVersionUID = 1L;

    /** Null while creating a page. */
    private final String pageId;
    private final boolean home;
    private final IModel<List<Entry>> parents;
    private int baseVersion;
    private String title;
    private String content;
    private String parentId;
    /* The conflict of the last save, if it had one: base and latest versions, who and when. */
    private Integer conflictLatest;
    private int conflictBase;
    private String conflictAuthor;
    private String conflictWhen;

    public WikiEditPage(PageParameters parameters) {
        super(parameters);
        pageId = editedPageId(parameters);
        if (pageId != null) {
            WikiPage page = load(() -> wiki().page(caller(), classId(), pageId));
            if (!page.may(PageAction.EDIT)) {
                throw denied(CartableException.Kind.FORBIDDEN);
            }
            home = page.home();
            baseVersion = page.version();
            title = page.title();
            content = page.content();
            parentId = page.parentId();
        } else {
            if (!load(() -> wiki().overview(caller(), classId())).canEdit()) {
                throw denied(CartableException.Kind.FORBIDDEN);
            }
            home = false;
            title = parameters.get("title").toOptionalString();
            String parent = parameters.get("parent").toOptionalString();
            parentId = parent != null ? parent : load(() -> wiki().homeId(caller(), classId()));
        }
        parents = LoadableDetachableModel.of(this::possibleParents);

        add(new Label("heading", new StringResourceModel(pageId == null ? "newPageHeading" : "editHeading", this)));
        add(conflict("conflict"));
        Form<Void> form = new Form<>("form") {
            @Override
            protected void onSubmit() {
                save();
            }
        };
        form.add(new TextField<>("title", LambdaModel.of(() -> title, value -> title = value))
                .setRequired(true)
                .add(StringValidator.maximumLength(WikiService.TITLE_MAX)));
        form.add(new TextArea<>("content", LambdaModel.of(() -> content, value -> content = value)));
        WebMarkupContainer parentRow = new WebMarkupContainer("parentRow");
        parentRow.setVisible(!home);
        parentRow.add(new DropDownChoice<>("parent", LambdaModel.of(() -> parentId, value -> parentId = value),
                parents.map(entries -> entries.stream().map(Entry::id).toList()),
                new ChoiceRenderer<>() {
                    @Override
                    public Object getDisplayValue(String id) {
                        return parents.getObject().stream().filter(e -> e.id().equals(id))
                                .map(e -> "— ".repeat(e.depth()) + e.title()).findFirst().orElse(id);
                    }

                    @Override
                    public String getIdValue(String id, int index) {
                        return id;
                    }
                }).setRequired(!home));
        form.add(parentRow);
        form.add(new Button("save"));
        form.add(new Button("overwrite") {
            @Override
            public void onSubmit() {
                // the writer saw the conflict and chose to save over the newer version
                baseVersion = conflictLatest;
                save();
            }
        }.add(VisibleWhen.of(() -> conflictLatest != null)));
        form.add(cancelLink("cancel"));
        add(form);
    }

    /** The page being edited, or null for a new page. */
    protected String editedPageId(PageParameters parameters) {
        return parameters.get(PAGE_ID).toString("");
    }

    private BookmarkablePageLink<Void> cancelLink(String id) {
        return pageId != null
                ? new BookmarkablePageLink<>(id, WikiViewPage.class, pageParameters(classId(), pageId))
                : new BookmarkablePageLink<>(id, WikiHomePage.class, forClass(classId()));
    }

    private WebMarkupContainer conflict(String id) {
        WebMarkupContainer panel = new WebMarkupContainer(id);
        panel.add(VisibleWhen.of(() -> conflictLatest != null));
        panel.add(new Label("message", () -> conflictLatest == null ? ""
                : new StringResourceModel("conflict", this)
                        .setParameters(conflictAuthor, conflictLatest, conflictWhen, conflictBase).getString()));
        panel.add(new BookmarkablePageLink<Void>("compare", WikiDiffPage.class) {
            @Override
            public PageParameters getPageParameters() {
                return WikiDiffPage.parameters(classId(), pageId, conflictBase,
                        conflictLatest == null ? conflictBase : conflictLatest);
            }
        });
        return panel;
    }

    private void save() {
        String html = RichText.fromTextarea(content);
        try {
            WikiPage saved;
            if (pageId == null) {
                saved = wiki().createPage(caller(), classId(), title, html, parentId);
            } else {
                saved = wiki().savePage(caller(), classId(), pageId, title, html, baseVersion);
                if (!home && parentId != null && !parentId.equals(saved.parentId())) {
                    saved = wiki().movePage(caller(), classId(), pageId, parentId, Integer.MAX_VALUE);
                }
            }
            getSession().success(getString("saved"));
            setResponsePage(WikiViewPage.class, pageParameters(classId(), saved.id()));
        } catch (EditConflict conflict) {
            conflictLatest = conflict.latestVersion();
            conflictBase = conflict.baseVersion();
            conflictAuthor = conflict.latestAuthorName();
            conflictWhen = format(conflict.latestSavedAt());
            error(getString("conflictShort"));
        } catch (CartableException refused) {
            error(getString("error." + refused.kind().code()));
        }
    }

    /** Every page but this one and those below it (a page cannot go below itself). */
    private List<Entry> possibleParents() {
        TreeNode root = load(() -> wiki().overview(caller(), classId())).tree();
        Set<String> excluded = new HashSet<>();
        if (pageId != null) {
            root.flatten().stream().filter(node -> node.id().equals(pageId)).findFirst()
                    .ifPresent(self -> self.flatten().forEach(node -> excluded.add(node.id())));
        }
        List<Entry> entries = new ArrayList<>(entries(root));
        entries.removeIf(entry -> excluded.contains(entry.id()));
        return entries;
    }

    @Override
    protected void onDetach() {
        parents.detach();
        super.onDetach();
    }
}
