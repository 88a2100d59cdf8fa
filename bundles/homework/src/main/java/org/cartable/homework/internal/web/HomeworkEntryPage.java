package org.cartable.homework.internal.web;

import java.util.Arrays;
import java.util.List;

import org.apache.wicket.AttributeModifier;
import org.apache.wicket.Component;
import org.apache.wicket.markup.html.WebMarkupContainer;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.form.Button;
import org.apache.wicket.markup.html.form.DropDownChoice;
import org.apache.wicket.markup.html.form.EnumChoiceRenderer;
import org.apache.wicket.markup.html.form.Form;
import org.apache.wicket.markup.html.form.IChoiceRenderer;
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
import org.cartable.api.web.RichText;
import org.cartable.api.web.VisibleWhen;
import org.cartable.homework.internal.Completion;
import org.cartable.homework.internal.Entry;
import org.cartable.homework.internal.EntryInput;
import org.cartable.homework.internal.Frequency;
import org.cartable.homework.internal.HomeworkService;
import org.cartable.homework.internal.Scope;
import org.cartable.homework.internal.Subject;

/**
 * One entry: its content and "done" toggle for pupils and parents; for the staff, who has done the work, and the
 * form to change or delete it (alone, or with the following occurrences of its series).
 */
public class HomeworkEntryPage extends HomeworkBasePage {

    private static final long serialVersionUID = 1L;
    static final String ENTRY_ID = "entryId";

    private final String entryId;
    private final IModel<Entry> entry;
    private boolean confirmingDeletion;

    public HomeworkEntryPage(PageParameters parameters) {
        super(parameters);
        entryId = parameters.get(ENTRY_ID).toOptionalString();
        entry = LoadableDetachableModel.of(() -> load(() -> homework().entry(caller(), classId(), entryId,
                childId())));
        Entry shown = entry.getObject();

        add(new BookmarkablePageLink<>("back", HomeworkPage.class,
                HomeworkPage.parameters(classId(), shown.date(), false)));
        add(new Label("subject", entry.map(e -> subject(e.subject()))));
        add(new Label("date", entry.map(e -> longDate(e.date()))));
        add(new WebMarkupContainer("recurring")
                .add(VisibleWhen.of(() -> entry.getObject().frequency() != Frequency.ONCE)));
        add(new Label("title", entry.map(Entry::title)));
        // Sanitised by the service before it was stored.
        add(new Label("content", entry.map(Entry::content)).setEscapeModelStrings(false));
        add(new Label("due", () -> entry.getObject().hasWork()
                ? new StringResourceModel("dueOnFull", this).setParameters(longDate(entry.getObject().dueDate()))
                        .getString()
                : "").add(VisibleWhen.of(() -> entry.getObject().hasWork())));
        add(new Label("author", entry.map(Entry::authorName)));
        add(doneForm("doneForm"));
        add(completion("completion"));
        add(new EditForm("edit"));
    }

    static PageParameters parameters(String classId, String entryId) {
        return forClass(classId).add(ENTRY_ID, entryId);
    }

    private Component doneForm(String id) {
        Form<Void> form = new Form<>(id);
        Button toggle = new Button("toggle") {
            @Override
            public void onSubmit() {
                boolean done = Boolean.TRUE.equals(entry.getObject().done());
                if (act(() -> homework().setDone(caller(), classId(), entryId, childId(), !done))) {
                    success(getString(done ? "undone" : "doneSaved"));
                }
                entry.detach();
            }
        };
        toggle.add(AttributeModifier.replace("aria-pressed", () -> String.valueOf(isDone())));
        toggle.add(AttributeModifier.append("class", () -> isDone() ? "button-primary is-done" : "button-secondary"));
        toggle.add(new Label("label", () -> getString(isDone() ? "doneYes" : "doneNo")));
        form.add(toggle);
        form.add(VisibleWhen.of(() -> entry.getObject().hasWork() && entry.getObject().done() != null));
        return form;
    }

    private boolean isDone() {
        return Boolean.TRUE.equals(entry.getObject().done());
    }

    private Component completion(String id) {
        boolean staff = entry.getObject().mayEdit() && entry.getObject().done() == null;
        IModel<Completion> completion = LoadableDetachableModel.of(() -> staff && entry.getObject().hasWork()
                ? load(() -> homework().completion(caller(), classId(), entryId))
                : new Completion(entryId, 0, 0, List.of()));
        WebMarkupContainer section = new WebMarkupContainer(id);
        section.add(new Label("count", () -> new StringResourceModel("completion", this)
                .setParameters(completion.getObject().done(), completion.getObject().total()).getString()));
        section.add(new ListView<>("pupil", completion.map(Completion::pupils)) {
            @Override
            protected void populateItem(ListItem<Completion.PupilDone> item) {
                item.add(new Label("name", item.getModelObject().name()));
                item.add(new Label("done", getString(item.getModelObject().done() ? "doneYes" : "notYet")));
            }
        });
        section.add(VisibleWhen.of(() -> staff && entry.getObject().hasWork()));
        return section;
    }

    @Override
    protected void onDetach() {
        entry.detach();
        super.onDetach();
    }

    /** Staff: change or delete, this occurrence only or with the following ones. */
    private final class EditForm extends Form<Void> {

        private static final long serialVersionUID = 1L;

        private String date;
        private Subject subject;
        private String title;
        private String content;
        private String dueDate;
        private Scope scope = Scope.THIS;

        EditForm(String id) {
            super(id);
            Entry e = entry.getObject();
            date = e.date().toString();
            subject = e.subject();
            title = e.title();
            content = e.content();
            dueDate = e.dueDate() == null ? null : e.dueDate().toString();
            add(new DateField("entryDate", LambdaModel.of(() -> date, value -> date = value)).setRequired(true));
            add(new DropDownChoice<>("subject", LambdaModel.of(() -> subject, value -> subject = value),
                    Arrays.asList(Subject.values()), new IChoiceRenderer<Subject>() {
                        @Override
                        public Object getDisplayValue(Subject value) {
                            return subject(value);
                        }

                        @Override
                        public String getIdValue(Subject value, int index) {
                            return value.name();
                        }
                    }).setRequired(true));
            add(new TextField<>("title", LambdaModel.of(() -> title, value -> title = value))
                    .setRequired(true)
                    .add(StringValidator.maximumLength(HomeworkService.TITLE_MAX)));
            add(new TextArea<>("content", LambdaModel.of(() -> content, value -> content = value)));
            add(new DateField("dueDate", LambdaModel.of(() -> dueDate, value -> dueDate = value)));
            WebMarkupContainer scopeRow = new WebMarkupContainer("scopeRow");
            scopeRow.add(new DropDownChoice<>("scope", LambdaModel.of(() -> scope, value -> scope = value),
                    Arrays.asList(Scope.values()), new EnumChoiceRenderer<>(HomeworkEntryPage.this))
                    .setRequired(true));
            scopeRow.add(VisibleWhen.of(() -> entry.getObject().seriesId() != null));
            add(scopeRow);
            add(new Button("save") {
                @Override
                public void onSubmit() {
                    save();
                }
            });
            add(new Button("delete") {
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
                    Scope chosen = scope;
                    var back = HomeworkPage.parameters(classId(), entry.getObject().date(), false);
                    if (act(() -> homework().delete(caller(), classId(), entryId, chosen))) {
                        getSession().success(getString("deleted"));
                        setResponsePage(HomeworkPage.class, back);
                    }
                }
            });
            confirm.add(new Button("no") {
                @Override
                public void onSubmit() {
                    confirmingDeletion = false;
                }
            }.setDefaultFormProcessing(false));
            add(confirm);
        }

        private void save() {
            EntryInput input = EntryInput.once(DateField.parse(date), subject, title, RichText.fromTextarea(content),
                    DateField.parse(dueDate));
            if (act(() -> homework().update(caller(), classId(), entryId, input, scope))) {
                success(getString("saved"));
            }
            entry.detach();
        }

        @Override
        protected void onConfigure() {
            super.onConfigure();
            setVisible(entry.getObject().mayEdit() && entry.getObject().done() == null);
        }
    }
}
