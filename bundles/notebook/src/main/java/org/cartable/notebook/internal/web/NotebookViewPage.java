package org.cartable.notebook.internal.web;

import java.util.Arrays;
import java.util.List;

import org.apache.wicket.AttributeModifier;
import org.apache.wicket.RestartResponseException;
import org.apache.wicket.markup.head.CssHeaderItem;
import org.apache.wicket.markup.head.IHeaderResponse;
import org.apache.wicket.markup.html.WebMarkupContainer;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.form.Button;
import org.apache.wicket.markup.html.form.DropDownChoice;
import org.apache.wicket.markup.html.form.EnumChoiceRenderer;
import org.apache.wicket.markup.html.form.Form;
import org.apache.wicket.markup.html.form.TextField;
import org.apache.wicket.markup.html.link.BookmarkablePageLink;
import org.apache.wicket.markup.html.list.ListItem;
import org.apache.wicket.markup.html.list.ListView;
import org.apache.wicket.model.IModel;
import org.apache.wicket.model.LambdaModel;
import org.apache.wicket.model.LoadableDetachableModel;
import org.apache.wicket.model.StringResourceModel;
import org.apache.wicket.request.mapper.parameter.PageParameters;
import org.cartable.api.web.ClassAppPage;
import org.cartable.api.web.VisibleWhen;
import org.cartable.notebook.internal.Notebook;
import org.cartable.notebook.internal.NotebookDetail;
import org.cartable.notebook.internal.Page;
import org.cartable.notebook.internal.Sharing;

/**
 * One notebook: its cover, its pages in order with their boxes, and what the caller may do: edit pages, add, move,
 * duplicate and delete them (editors), share, rename and delete the notebook (owner and staff), copy it, export it.
 */
public class NotebookViewPage extends NotebookBasePage {

    private static final long serialVersionUID = 1L;

    private final String notebookId;
    private final IModel<NotebookDetail> detail;
    /** The page (or "notebook") whose deletion waits for a second click: the page runs no script. */
    private String confirmingDeletion;

    public NotebookViewPage(PageParameters parameters) {
        super(parameters);
        notebookId = parameters.get("notebookId").toString("");
        detail = LoadableDetachableModel.of(() -> load(() -> notebooks().notebook(caller(), classId(), notebookId)));
        IModel<Notebook> notebook = detail.map(NotebookDetail::notebook);

        WebMarkupContainer cover = new WebMarkupContainer("cover");
        cover.add(AttributeModifier.append("class", notebook.map(Styles::coverClass)));
        cover.add(new Label("title", notebook.map(Notebook::title)));
        cover.add(new Label("owner", notebook.map(Notebook::ownerName)));
        cover.add(new Label("sharing", notebook.map(n -> getString("sharing." + n.sharing().name()))));
        add(cover);
        add(new BookmarkablePageLink<Void>("back", NotebookHomePage.class, ClassAppPage.forClass(classId())));
        add(new ToolsForm("tools"));
        add(new ManageForm("manage"));
        add(pages("pages"));
    }

    private ListView<Page> pages(String id) {
        return new ListView<>(id, detail.map(NotebookDetail::pages)) {
            @Override
            protected void populateItem(ListItem<Page> item) {
                Page page = item.getModelObject();
                Notebook notebook = detail.getObject().notebook();
                item.add(AttributeModifier.replace("id", "page-" + (page.position() + 1)));
                item.add(new Label("number", page.position() + 1));
                item.add(new Label("title", page.title() == null ? "" : page.title()));
                Label lock = new Label("lock", page.lock() == null || page.lock().mine() ? ""
                        : new StringResourceModel("lockedBy", NotebookViewPage.this)
                        .setParameters(page.lock().holderName()).getString());
                lock.setVisible(page.lock() != null && !page.lock().mine());
                item.add(lock);
                BookmarkablePageLink<Void> edit = new BookmarkablePageLink<>("edit", NotebookEditorPage.class,
                        NotebookEditorPage.parameters(classId(), notebookId, page.id()));
                edit.setVisible(notebook.mayEdit());
                item.add(edit);
                item.add(pageActions("actions", notebook, page));
                item.add(new PageSheet("sheet", classId(), item.getModel(), false));
            }
        };
    }

    private Form<Void> pageActions(String id, Notebook notebook, Page page) {
        Form<Void> actions = new Form<>(id);
        actions.setVisible(notebook.mayEdit());
        int count = detail.getObject().pages().size();
        actions.add(button("up", () -> notebooks().movePage(caller(), classId(), notebookId, page.id(), -1),
                "pageMoved").setVisible(page.position() > 0));
        actions.add(button("down", () -> notebooks().movePage(caller(), classId(), notebookId, page.id(), 1),
                "pageMoved").setVisible(page.position() < count - 1));
        actions.add(button("duplicate", () -> notebooks().duplicatePage(caller(), classId(), notebookId, page.id()),
                "pageDuplicated"));
        boolean confirming = page.id().equals(confirmingDeletion);
        actions.add(new Button("delete") {
            @Override
            public void onSubmit() {
                confirmingDeletion = page.id();
            }
        }.setVisible(count > 1 && !confirming));
        WebMarkupContainer confirm = new WebMarkupContainer("confirm");
        confirm.setVisible(confirming);
        confirm.add(button("yes", () -> notebooks().deletePage(caller(), classId(), notebookId, page.id()),
                "pageDeleted"));
        confirm.add(button("no", () -> { }, null));
        actions.add(confirm);
        return actions;
    }

    /** A submit button running one service call; success shows the given message, then the notebook is reloaded. */
    private Button button(String id, Action action, String successKey) {
        return new Button(id) {
            @Override
            public void onSubmit() {
                confirmingDeletion = null;
                if (act(action) && successKey != null) {
                    success(getString(successKey));
                }
                detail.detach();
            }
        };
    }

    @Override
    public void renderHead(IHeaderResponse response) {
        super.renderHead(response);
        NotebookDetail current = detail.getObject();
        StringBuilder css = new StringBuilder();
        Styles.covers(css, List.of(current.notebook()));
        current.pages().forEach(page -> Styles.boxes(css, page.boxes()));
        response.render(CssHeaderItem.forCSS(css, "notebook-layout"));
    }

    @Override
    protected void onDetach() {
        detail.detach();
        super.onDetach();
    }

    /** Add a page (editors), copy the notebook (staff and pupils who read it). */
    private final class ToolsForm extends Form<Void> {

        private static final long serialVersionUID = 1L;

        ToolsForm(String id) {
            super(id);
            add(button("addPage", () -> notebooks().addPage(caller(), classId(), notebookId, null), "pageAdded")
                    .add(VisibleWhen.of(() -> detail.getObject().notebook().mayEdit())));
            add(new Button("duplicate") {
                @Override
                public void onSubmit() {
                    Notebook[] copy = new Notebook[1];
                    if (act(() -> copy[0] = notebooks().duplicateNotebook(caller(), classId(), notebookId,
                            getLocale()))) {
                        throw new RestartResponseException(NotebookViewPage.class,
                                notebookParameters(classId(), copy[0].id()));
                    }
                }
            }.setVisible(relation().isStaff() || relation().pupil()));
            add(new BookmarkablePageLink<Void>("export", NotebookExportPage.class,
                    NotebookExportPage.parameters(classId(), notebookId)));
        }
    }

    /** Owner and staff: sharing, title and colour, deletion. */
    private final class ManageForm extends Form<Void> {

        private static final long serialVersionUID = 1L;

        private Sharing sharing;
        private String title;
        private String color;
        private boolean confirming;

        ManageForm(String id) {
            super(id);
            add(new DropDownChoice<>("sharing", LambdaModel.of(
                    () -> sharing != null ? sharing : detail.getObject().notebook().sharing(), value -> sharing = value),
                    Arrays.asList(Sharing.values()), new EnumChoiceRenderer<>(NotebookViewPage.this))
                    .setRequired(true));
            add(new TextField<>("title", LambdaModel.of(
                    () -> title != null ? title : detail.getObject().notebook().title(), value -> title = value))
                    .setRequired(true));
            add(Inputs.of("color", LambdaModel.of(
                    () -> color != null ? color : detail.getObject().notebook().coverColor(), value -> color = value),
                    String.class, "color"));
            add(new Button("save") {
                @Override
                public void onSubmit() {
                    Notebook current = detail.getObject().notebook();
                    boolean done = act(() -> {
                        notebooks().describe(caller(), classId(), notebookId, title, color, current.coverMediaId());
                        notebooks().share(caller(), classId(), notebookId, sharing);
                    });
                    if (done) {
                        success(getString("saved"));
                    }
                    reset();
                }
            });
            add(new Button("delete") {
                @Override
                public void onSubmit() {
                    confirming = true;
                }

                @Override
                protected void onConfigure() {
                    super.onConfigure();
                    setVisible(!confirming);
                }
            }.setDefaultFormProcessing(false));
            WebMarkupContainer confirm = new WebMarkupContainer("confirm") {
                @Override
                protected void onConfigure() {
                    super.onConfigure();
                    setVisible(confirming);
                }
            };
            confirm.add(new Button("yes") {
                @Override
                public void onSubmit() {
                    if (act(() -> notebooks().deleteNotebook(caller(), classId(), notebookId))) {
                        getSession().success(getString("notebookDeleted"));
                        throw new RestartResponseException(NotebookHomePage.class, ClassAppPage.forClass(classId()));
                    }
                    confirming = false;
                }
            }.setDefaultFormProcessing(false));
            confirm.add(new Button("no") {
                @Override
                public void onSubmit() {
                    confirming = false;
                }
            }.setDefaultFormProcessing(false));
            add(confirm);
        }

        private void reset() {
            sharing = null;
            title = null;
            color = null;
            detail.detach();
        }

        @Override
        protected void onConfigure() {
            super.onConfigure();
            setVisible(detail.getObject().notebook().mayManage());
        }
    }

    public static PageParameters parameters(String classId, String notebookId) {
        return notebookParameters(classId, notebookId);
    }
}
