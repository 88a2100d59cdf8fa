package org.cartable.liaison.internal.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.wicket.AttributeModifier;
import org.apache.wicket.markup.html.WebMarkupContainer;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.form.Button;
import org.apache.wicket.markup.html.form.Check;
import org.apache.wicket.markup.html.form.CheckBox;
import org.apache.wicket.markup.html.form.CheckGroup;
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
import org.cartable.api.PersonSummary;
import org.cartable.api.web.RichText;
import org.cartable.api.web.VisibleWhen;
import org.cartable.liaison.internal.Category;
import org.cartable.liaison.internal.LiaisonService;
import org.cartable.liaison.internal.NewWord;
import org.cartable.liaison.internal.Notebook;
import org.cartable.liaison.internal.Word;

/**
 * The class's notebook: for the staff the writing form and every word with its "x / total"; for a parent, the words
 * for the child chosen in the shell, unread first with a counter, each with its "Vu" button and reply form; for a
 * pupil, the words addressed to them.
 */
public class LiaisonHomePage extends LiaisonBasePage {

    private static final long serialVersionUID = 1L;
    /** The page parameter that lists more words than the first page. */
    static final String SHOWN = "shown";

    private final IModel<Notebook> notebook;

    public LiaisonHomePage(PageParameters parameters) {
        super(parameters);
        String child = childId();
        int shown = shown(parameters);
        notebook = LoadableDetachableModel.of(() -> load(() -> liaison().notebook(caller(), classId(), child, shown)));

        add(new Label("className", classInfo().name()));
        add(new Label("forChild", notebook.map(n -> n.child() == null ? ""
                : new StringResourceModel("forChild", this).setParameters(n.child().displayName()).getString()))
                .add(VisibleWhen.of(() -> notebook.getObject().child() != null)));
        add(new Label("unread", notebook.map(n -> new StringResourceModel("unreadCount", this)
                .setParameters(n.unread()).getString()))
                .add(VisibleWhen.of(() -> notebook.getObject().unread() > 0)));
        add(new NewWordForm("newWord"));

        IModel<List<Word>> words = notebook.map(Notebook::words);
        add(new ListView<>("word", words) {
            @Override
            protected void populateItem(ListItem<Word> item) {
                Word word = item.getModelObject();
                if (word.child() != null && !word.child().read()) {
                    item.add(AttributeModifier.append("class", "word-unread"));
                }
                item.add(new WordPanel("panel", item.getModel(), notebook::detach));
            }
        });
        add(new WebMarkupContainer("empty").add(VisibleWhen.of(() -> words.getObject().isEmpty())));
        // A link, not a button: the longer list has its own address, so "back" and a reload keep it.
        PageParameters longer = new PageParameters(parameters)
                .set(SHOWN, Math.min(shown + LiaisonService.PAGE, LiaisonService.SHOWN_MAX));
        add(new BookmarkablePageLink<Void>("older", LiaisonHomePage.class, longer)
                .setBody(notebook.map(n -> new StringResourceModel("olderWords", this)
                        .setParameters(n.older()).getString()))
                .add(VisibleWhen.of(() -> notebook.getObject().older() > 0 && shown < LiaisonService.SHOWN_MAX)));
    }

    /** A hand-edited or stale address falls back to the first page rather than to an error. */
    private static int shown(PageParameters parameters) {
        int asked = parameters.get(SHOWN).toInt(LiaisonService.PAGE);
        return asked < 1 || asked > LiaisonService.SHOWN_MAX ? LiaisonService.PAGE : asked;
    }

    @Override
    protected void onDetach() {
        notebook.detach();
        super.onDetach();
    }

    /** The staff's form: title, text, category, whole class or chosen pupils, acknowledgement, replies. */
    private final class NewWordForm extends Form<Void> {

        private static final long serialVersionUID = 1L;

        private String title;
        private String body;
        private Category category = Category.INFO;
        private Boolean wholeClass = Boolean.TRUE;
        private final Collection<String> chosen = new ArrayList<>();
        private Boolean ackRequired = Boolean.TRUE;
        private Boolean repliesAllowed = Boolean.FALSE;

        NewWordForm(String id) {
            super(id);
            add(new TextField<>("title", LambdaModel.of(() -> title, value -> title = value))
                    .setRequired(true).add(StringValidator.maximumLength(LiaisonService.TITLE_MAX)));
            add(new TextArea<>("body", LambdaModel.of(() -> body, value -> body = value)).setRequired(true));
            add(new DropDownChoice<>("category", LambdaModel.of(() -> category, value -> category = value),
                    Arrays.asList(Category.values()), new EnumChoiceRenderer<>(this) {
                        @Override
                        public Object getDisplayValue(Category object) {
                            return object.icon() + " " + super.getDisplayValue(object);
                        }
                    }).setRequired(true));
            add(new CheckBox("wholeClass", LambdaModel.of(() -> wholeClass, value -> wholeClass = value))
                    .setOutputMarkupId(true));
            CheckGroup<String> pupils = new CheckGroup<>("pupils", Model.of(chosen));
            pupils.add(new ListView<>("pupil", notebook.map(Notebook::pupils)) {
                @Override
                protected void populateItem(ListItem<PersonSummary> item) {
                    Check<String> check = new Check<>("check", Model.of(item.getModelObject().id()));
                    check.setOutputMarkupId(true);
                    item.add(check);
                    item.add(new Label("name", item.getModelObject().displayName())
                            .add(AttributeModifier.replace("for", check::getMarkupId)));
                }
            });
            add(pupils);
            add(new CheckBox("ackRequired", LambdaModel.of(() -> ackRequired, value -> ackRequired = value))
                    .setOutputMarkupId(true));
            add(new CheckBox("repliesAllowed", LambdaModel.of(() -> repliesAllowed, value -> repliesAllowed = value))
                    .setOutputMarkupId(true));
            add(new Button("send"));
        }

        @Override
        protected void onSubmit() {
            Set<String> addressed = Boolean.TRUE.equals(wholeClass) ? null : new HashSet<>(chosen);
            NewWord word = new NewWord(title, RichText.fromTextarea(body), category, addressed,
                    Boolean.TRUE.equals(ackRequired), Boolean.TRUE.equals(repliesAllowed));
            if (act(() -> liaison().write(caller(), classId(), word))) {
                success(getString("sent"));
                title = null;
                body = null;
                chosen.clear();
                wholeClass = Boolean.TRUE;
            }
            notebook.detach();
        }

        @Override
        protected void onConfigure() {
            super.onConfigure();
            setVisible(notebook.getObject().view() == Notebook.View.STAFF);
        }
    }

}
