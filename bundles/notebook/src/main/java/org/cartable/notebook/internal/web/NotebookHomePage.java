package org.cartable.notebook.internal.web;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.wicket.AttributeModifier;
import org.apache.wicket.Component;
import org.apache.wicket.RestartResponseException;
import org.apache.wicket.markup.head.CssHeaderItem;
import org.apache.wicket.markup.head.IHeaderResponse;
import org.apache.wicket.markup.html.WebMarkupContainer;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.form.Button;
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
import org.apache.wicket.validation.validator.StringValidator;
import org.cartable.api.Directory;
import org.cartable.api.PersonSummary;
import org.cartable.api.web.Services;
import org.cartable.api.web.VisibleWhen;
import org.cartable.notebook.internal.Notebook;
import org.cartable.notebook.internal.NotebookOverview;
import org.cartable.notebook.internal.NotebookService;

/** The class's notebooks: the caller's own, those of the class they may see, and (staff, pupils) a new one. */
public class NotebookHomePage extends NotebookBasePage {

    private static final long serialVersionUID = 1L;

    private final IModel<NotebookOverview> overview;

    public NotebookHomePage(PageParameters parameters) {
        super(parameters);
        overview = LoadableDetachableModel.of(() -> load(() -> notebooks().overview(caller(), classId())));
        add(new Label("className", classInfo().name()));
        add(forChildren("forChildren"));
        add(new CreateForm("create"));
        add(list("mine", overview.map(NotebookOverview::mine)));
        add(list("others", overview.map(NotebookOverview::others)));
    }

    private Component forChildren(String id) {
        Directory directory = Services.get(Directory.class);
        String names = relation().childIds().stream()
                .map(childId -> directory.person(childId).map(PersonSummary::displayName).orElse(""))
                .filter(name -> !name.isEmpty())
                .map(name -> name.split(" ")[0])
                .collect(Collectors.joining(", "));
        Label label = new Label(id, new StringResourceModel("forChildren", this).setParameters(names));
        label.setVisible(relation().isParent() && !names.isEmpty());
        return label;
    }

    private Component list(String id, IModel<List<Notebook>> notebooks) {
        WebMarkupContainer section = new WebMarkupContainer(id);
        section.add(new ListView<>("notebook", notebooks) {
            @Override
            protected void populateItem(ListItem<Notebook> item) {
                Notebook notebook = item.getModelObject();
                BookmarkablePageLink<Void> link = new BookmarkablePageLink<>("link", NotebookViewPage.class,
                        notebookParameters(classId(), notebook.id()));
                link.add(AttributeModifier.append("class", Styles.coverClass(notebook)));
                link.add(new Label("title", notebook.title()));
                link.add(new Label("owner", notebook.ownerName()));
                link.add(new Label("pages", new StringResourceModel("pageCount", NotebookHomePage.this)
                        .setParameters(notebook.pageCount())));
                link.add(new Label("sharing", new StringResourceModel("sharing." + notebook.sharing().name(),
                        NotebookHomePage.this)));
                item.add(link);
            }
        });
        section.add(new WebMarkupContainer("empty").add(VisibleWhen.of(() -> notebooks.getObject().isEmpty())));
        return section;
    }

    @Override
    public void renderHead(IHeaderResponse response) {
        super.renderHead(response);
        NotebookOverview current = overview.getObject();
        List<Notebook> all = new ArrayList<>(current.mine());
        all.addAll(current.others());
        StringBuilder css = new StringBuilder();
        Styles.covers(css, all);
        response.render(CssHeaderItem.forCSS(css, "notebook-covers"));
    }

    @Override
    protected void onDetach() {
        overview.detach();
        super.onDetach();
    }

    /** A new notebook: a title and a cover colour; it opens at once. */
    private final class CreateForm extends Form<Void> {

        private static final long serialVersionUID = 1L;

        private String title;
        private String color = "#2c6e9b";

        CreateForm(String id) {
            super(id);
            add(new TextField<>("title", LambdaModel.of(() -> title, value -> title = value))
                    .setRequired(true)
                    .add(StringValidator.maximumLength(NotebookService.TITLE_MAX)));
            add(Inputs.of("color", LambdaModel.of(() -> color, value -> color = value), String.class, "color"));
            add(new Button("save"));
        }

        @Override
        protected void onSubmit() {
            Notebook[] created = new Notebook[1];
            if (act(() -> created[0] = notebooks().create(caller(), classId(), title, color))) {
                throw new RestartResponseException(NotebookViewPage.class,
                        notebookParameters(classId(), created[0].id()));
            }
            overview.detach();
        }

        @Override
        protected void onConfigure() {
            super.onConfigure();
            setVisible(overview.getObject().mayCreate());
        }
    }
}
