package org.cartable.liaison.internal.web;

import java.util.List;

import org.apache.wicket.markup.html.WebMarkupContainer;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.form.Button;
import org.apache.wicket.markup.html.form.Form;
import org.apache.wicket.markup.html.form.TextArea;
import org.apache.wicket.markup.html.link.BookmarkablePageLink;
import org.apache.wicket.markup.html.list.ListItem;
import org.apache.wicket.markup.html.list.ListView;
import org.apache.wicket.markup.html.panel.Panel;
import org.apache.wicket.model.IModel;
import org.apache.wicket.model.LambdaModel;
import org.apache.wicket.model.StringResourceModel;
import org.apache.wicket.validation.validator.StringValidator;
import org.cartable.liaison.internal.Confirmation;
import org.cartable.liaison.internal.LiaisonService;
import org.cartable.liaison.internal.Word;

/**
 * One word as the caller sees it: for the staff with its "x / total" counter, for a parent with the child's state,
 * the "Vu" button and the reply form, for a pupil just the text. The service decides; the panel only hides what
 * does not apply.
 */
class WordPanel extends Panel {

    private static final long serialVersionUID = 1L;

    private final SerializableRunnable changed;

    /** @param changed what to reload after an action (the page's model) */
    WordPanel(String id, IModel<Word> word, SerializableRunnable changed) {
        super(id, word);
        this.changed = changed;
    }

    /** A serialisable callback. */
    interface SerializableRunnable extends Runnable, java.io.Serializable {
    }

    @SuppressWarnings("unchecked")
    private IModel<Word> word() {
        return (IModel<Word>) getDefaultModel();
    }

    @Override
    protected void onInitialize() {
        super.onInitialize();
        LiaisonBasePage page = findParent(LiaisonBasePage.class);
        String classId = page.classId();
        IModel<Word> word = word();

        add(new Label("icon", word.map(w -> w.category().icon())));
        BookmarkablePageLink<Void> title = new BookmarkablePageLink<>("title", LiaisonWordPage.class,
                LiaisonWordPage.parameters(classId, word.getObject().id()));
        title.setBody(word.map(Word::title));
        add(title);
        add(new Label("date", word.map(w -> page.format(w.createdAt()))));
        add(new Label("author", word.map(Word::authorName)));
        add(new Label("corrected", new StringResourceModel("corrected", this)
                .setParameters(word.map(w -> page.format(w.editedAt()))))
                .setVisible(word.getObject().editedAt() != null));
        add(new WebMarkupContainer("ack").setVisible(word.getObject().ackRequired()));
        add(new Label("body", word.map(Word::body)).setEscapeModelStrings(false));

        Word current = word.getObject();
        BookmarkablePageLink<Void> counter = new BookmarkablePageLink<>("counter", LiaisonWordPage.class,
                LiaisonWordPage.parameters(classId, current.id()));
        counter.setBody(word.map(w -> w.counts() == null ? ""
                : new StringResourceModel("counter", this).setParameters(w.counts().confirmed(), w.counts().total())
                .getString()));
        counter.setVisible(current.counts() != null);
        add(counter);

        add(childState("child", page, current));
    }

    private WebMarkupContainer childState(String id, LiaisonBasePage page, Word current) {
        WebMarkupContainer child = new WebMarkupContainer(id);
        child.setVisible(current.child() != null);
        add(child);
        if (current.child() == null) {
            return child;
        }
        String classId = page.classId();
        String childId = current.child().pupilId();
        child.add(new Label("unread", new StringResourceModel("unreadFor", this)
                .setParameters(current.child().pupilName()))
                .setVisible(!current.child().read()));
        List<Confirmation> confirmations = current.child().confirmations();
        child.add(new ListView<>("confirmation", confirmations) {
            @Override
            protected void populateItem(ListItem<Confirmation> item) {
                Confirmation c = item.getModelObject();
                item.add(new Label("text", new StringResourceModel("seenBy", WordPanel.this)
                        .setParameters(c.parentName(), page.format(c.confirmedAt()))));
            }
        });

        Form<Void> vu = new Form<>("vu");
        vu.setVisible(!current.child().confirmedByMe());
        vu.add(new Button("confirm") {
            @Override
            public void onSubmit() {
                if (page.act(() -> LiaisonBasePage.liaison().confirm(page.me(), classId, current.id(), childId))) {
                    page.success(getString("confirmed"));
                }
                changed.run();
            }
        });
        child.add(vu);

        ReplyForm reply = new ReplyForm("reply", page, current);
        reply.setVisible(current.repliesAllowed());
        child.add(reply);
        return child;
    }

    /** The parent's one reply, written or edited. */
    private final class ReplyForm extends Form<Void> {
        private static final long serialVersionUID = 1L;

        private String text;

        ReplyForm(String id, LiaisonBasePage page, Word current) {
            super(id);
            text = current.child().myReply() == null ? null : current.child().myReply().body();
            add(new TextArea<>("text", LambdaModel.of(() -> text, value -> text = value))
                    .setRequired(true).add(StringValidator.maximumLength(LiaisonService.REPLY_MAX)));
            Button send = new Button("send") {
                @Override
                public void onSubmit() {
                    String childId = current.child().pupilId();
                    if (page.act(() -> LiaisonBasePage.liaison().reply(page.me(), page.classId(), current.id(),
                            childId, text))) {
                        page.success(getString("replied"));
                    }
                    changed.run();
                }
            };
            send.add(new Label("label", new StringResourceModel(
                    current.child().myReply() == null ? "reply" : "editReply", WordPanel.this)));
            add(send);
        }
    }
}
