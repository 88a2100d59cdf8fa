package org.cartable.liaison.internal.web;

import java.util.List;

import org.apache.wicket.markup.html.WebMarkupContainer;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.link.BookmarkablePageLink;
import org.apache.wicket.markup.html.list.ListItem;
import org.apache.wicket.markup.html.list.ListView;
import org.apache.wicket.model.StringResourceModel;
import org.apache.wicket.request.mapper.parameter.PageParameters;
import org.cartable.api.CartableException;
import org.cartable.liaison.internal.FollowUp;
import org.cartable.liaison.internal.FollowUp.PupilStatus;

/**
 * Printable slips (staff): one coupon per pupil whose family has no account or has not confirmed yet, with the word
 * and a signature line. The stylesheet's print rules hide the shell around them.
 */
public class LiaisonSlipsPage extends LiaisonBasePage {

    private static final long serialVersionUID = 1L;

    public LiaisonSlipsPage(PageParameters parameters) {
        super(parameters);
        String wordId = parameters.get(LiaisonWordPage.WORD_ID).toString("");
        FollowUp followUp = load(() -> {
            if (!staff()) {
                throw CartableException.forbidden("Only the class's teachers print slips.");
            }
            return liaison().followUp(caller(), classId(), wordId);
        });
        List<PupilStatus> pupils = followUp.pupils().stream().filter(PupilStatus::needsSlip).toList();

        add(new BookmarkablePageLink<>("back", LiaisonWordPage.class,
                LiaisonWordPage.parameters(classId(), wordId)));
        add(new Label("count", new StringResourceModel("slipCount", this).setParameters(pupils.size())));
        add(new ListView<>("slip", pupils) {
            @Override
            protected void populateItem(ListItem<PupilStatus> item) {
                item.add(new Label("className", classInfo().name()));
                item.add(new Label("pupil", item.getModelObject().pupilName()));
                item.add(new Label("icon", followUp.word().category().icon()));
                item.add(new Label("title", followUp.word().title()));
                item.add(new Label("date", format(followUp.word().createdAt())));
                item.add(new Label("body", followUp.word().body()).setEscapeModelStrings(false));
            }
        });
        add(new WebMarkupContainer("none").setVisible(pupils.isEmpty()));
    }
}
