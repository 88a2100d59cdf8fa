package org.cartable.liaison.internal.web;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.wicket.markup.html.WebMarkupContainer;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.form.Button;
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
import org.apache.wicket.model.StringResourceModel;
import org.apache.wicket.request.mapper.parameter.PageParameters;
import org.apache.wicket.validation.validator.StringValidator;
import org.cartable.api.web.RichText;
import org.cartable.liaison.internal.Category;
import org.cartable.liaison.internal.FollowUp.PupilStatus;
import org.cartable.liaison.internal.FollowUp;
import org.cartable.liaison.internal.LiaisonService;
import org.cartable.liaison.internal.Reminder;
import org.cartable.liaison.internal.Word;

/**
 * One word. The staff get the follow-up (per pupil: who confirmed and when, replies), the reminder button, the link
 * to the printable slips and the correction form; families and pupils get the word with their actions.
 */
public class LiaisonWordPage extends LiaisonBasePage {

    private static final long serialVersionUID = 1L;
    static final String WORD_ID = "wordId";

    private final String wordId;
    private final IModel<Word> word;
    private final IModel<FollowUp> followUp;

    public LiaisonWordPage(PageParameters parameters) {
        super(parameters);
        wordId = parameters.get(WORD_ID).toString("");
        String child = childId();
        followUp = LoadableDetachableModel.of(() -> staff() ? load(() -> liaison().followUp(caller(), classId(), wordId))
                : null);
        word = LoadableDetachableModel.of(() -> staff() ? followUp.getObject().word()
                : load(() -> liaison().word(caller(), classId(), wordId, child)));
        word.getObject(); // refuses an unknown or hidden word before anything renders

        add(new BookmarkablePageLink<>("back", LiaisonHomePage.class, forClass(classId())));
        add(new WordPanel("word", word, () -> {
            word.detach();
            followUp.detach();
        }));
        add(staffPart("staff"));
    }

    static PageParameters parameters(String classId, String wordId) {
        return forClass(classId).add(WORD_ID, wordId);
    }

    private WebMarkupContainer staffPart(String id) {
        WebMarkupContainer part = new WebMarkupContainer(id);
        part.setVisible(staff());
        if (!staff()) {
            return part;
        }
        Form<Void> actions = new Form<>("actions");
        actions.add(new Button("remind") {
            @Override
            public void onSubmit() {
                Reminder[] sent = new Reminder[1];
                if (act(() -> sent[0] = liaison().remind(caller(), classId(), wordId))) {
                    success(new StringResourceModel("reminded", LiaisonWordPage.this).setParameters(sent[0].pupils())
                            .getString());
                }
                followUp.detach();
                word.detach();
            }
        }.setVisible(word.getObject().ackRequired()));
        actions.add(new BookmarkablePageLink<>("slips", LiaisonSlipsPage.class, parameters(classId(), wordId)));
        actions.add(new Label("lastReminder", new StringResourceModel("lastReminder", this)
                .setParameters(word.map(w -> format(w.lastReminderAt()))))
                .setVisible(word.getObject().lastReminderAt() != null));
        part.add(actions);

        part.add(new ListView<>("pupil", followUp.map(FollowUp::pupils)) {
            @Override
            protected void populateItem(ListItem<PupilStatus> item) {
                PupilStatus pupil = item.getModelObject();
                item.add(new Label("name", pupil.pupilName()));
                String seen = pupil.confirmations().stream()
                        .map(c -> new StringResourceModel("seenBy", LiaisonWordPage.this)
                                .setParameters(c.parentName(), format(c.confirmedAt())).getString())
                        .collect(Collectors.joining(" ; "));
                item.add(new Label("confirmations", seen.isEmpty() ? getString(
                        pupil.hasParentAccount() ? "notSeen" : "noParentAccount") : seen));
                item.add(new ListView<>("reply", pupil.replies()) {
                    @Override
                    protected void populateItem(ListItem<org.cartable.liaison.internal.Reply> reply) {
                        reply.add(new Label("author", reply.getModelObject().parentName()));
                        reply.add(new Label("text", reply.getModelObject().body()));
                    }
                });
            }
        });
        part.add(new CorrectionForm("correction"));
        return part;
    }

    @Override
    protected void onDetach() {
        word.detach();
        followUp.detach();
        super.onDetach();
    }

    /** Corrects title, text and category without notifying anyone again. */
    private final class CorrectionForm extends Form<Void> {
        private static final long serialVersionUID = 1L;

        private String title;
        private String body;
        private Category category;

        CorrectionForm(String id) {
            super(id);
            Word current = word.getObject();
            title = current.title();
            body = current.body();
            category = current.category();
            add(new TextField<>("title", LambdaModel.of(() -> title, value -> title = value))
                    .setRequired(true).add(StringValidator.maximumLength(LiaisonService.TITLE_MAX)));
            add(new TextArea<>("body", LambdaModel.of(() -> body, value -> body = value)).setRequired(true));
            add(new DropDownChoice<>("category", LambdaModel.of(() -> category, value -> category = value),
                    List.copyOf(Arrays.asList(Category.values())), new EnumChoiceRenderer<>(this)).setRequired(true));
            add(new Button("save"));
        }

        @Override
        protected void onSubmit() {
            if (act(() -> liaison().correct(caller(), classId(), wordId, title, RichText.fromTextarea(body),
                    category))) {
                success(getString("correctedDone"));
            }
            word.detach();
            followUp.detach();
        }
    }
}
