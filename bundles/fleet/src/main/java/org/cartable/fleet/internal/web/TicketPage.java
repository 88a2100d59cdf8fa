package org.cartable.fleet.internal.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.apache.wicket.markup.html.WebMarkupContainer;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.form.Button;
import org.apache.wicket.markup.html.form.DropDownChoice;
import org.apache.wicket.markup.html.form.Form;
import org.apache.wicket.markup.html.form.NumberTextField;
import org.apache.wicket.markup.html.form.TextArea;
import org.apache.wicket.markup.html.image.NonCachingImage;
import org.apache.wicket.markup.html.link.BookmarkablePageLink;
import org.apache.wicket.markup.html.list.ListItem;
import org.apache.wicket.markup.html.list.ListView;
import org.apache.wicket.model.IModel;
import org.apache.wicket.model.LambdaModel;
import org.apache.wicket.model.LoadableDetachableModel;
import org.apache.wicket.model.Model;
import org.apache.wicket.request.mapper.parameter.PageParameters;
import org.apache.wicket.request.resource.DynamicImageResource;
import org.cartable.api.CartableException;
import org.cartable.api.web.CartableSession;
import org.cartable.fleet.internal.Ticket;
import org.cartable.fleet.internal.TicketStatus.Action;

/** A ticket ({@code ?id=}): problem, photo, targets, follow-up, and the buttons of the actions the caller may take. */
public class TicketPage extends FleetBasePage {

    private static final long serialVersionUID = 1L;
    static final String ID = "id";

    private final String ticketId;
    private final IModel<Ticket.Detail> detail;
    private String note;
    private Integer minutes;
    private LocalDate plannedOn;
    private Integer rating;

    public TicketPage(PageParameters parameters) {
        super(parameters);
        ticketId = parameters.get(ID).toOptionalString();
        detail = LoadableDetachableModel.of(() -> load(() -> tickets().ticket(caller(), ticketId)));
        Ticket t = detail.getObject().ticket();
        add(new BookmarkablePageLink<Void>("device", DevicePage.class, DevicePage.forDevice(t.deviceId()))
                .setBody(Model.of(t.deviceTag())));
        add(new Label("status", detail.map(d -> text("status", d.ticket().status()))));
        add(new Label("school", t.schoolName()));
        add(new Label("problem", t.problem()));
        add(new NonCachingImage("photo", new PhotoResource(ticketId)).setVisible(t.hasPhoto()));
        add(new Label("openedBy", t.openedByName()));
        add(new Label("openedAt", format(t.openedAt())));
        add(new Label("technician", detail.map(d -> d.ticket().technicianName())));
        add(new Label("plannedOn", detail.map(d -> format(d.ticket().plannedOn()))));
        add(new Label("ownBy", detail.map(d -> format(d.ticket().targets().ownBy())
                + (d.ticket().targets().lateToOwn() ? " — " + getString("late") : ""))));
        add(new Label("resolveBy", detail.map(d -> format(d.ticket().targets().resolveBy())
                + (d.ticket().targets().lateToResolve() ? " — " + getString("late") : ""))));
        add(new Label("minutes", detail.map(d -> d.ticket().minutesSpent() + " min")));
        add(new Label("satisfaction", detail.map(d -> d.ticket().satisfaction() == null ? ""
                : d.ticket().satisfaction() + " / 5")));
        add(actions());
        add(new ListView<>("note", detail.map(Ticket.Detail::notes)) {
            private static final long serialVersionUID = 1L;

            @Override
            protected void populateItem(ListItem<Ticket.Note> item) {
                Ticket.Note n = item.getModelObject();
                item.add(new Label("at", format(n.at())));
                item.add(new Label("author", n.authorName()));
                item.add(new Label("action", n.action() == null ? "" : getString("action." + n.action().name())));
                item.add(new Label("minutes", n.minutes() == 0 ? "" : "(" + n.minutes() + " min)"));
                item.add(new Label("text", n.text()));
            }
        });
    }

    public static PageParameters forTicket(String ticketId) {
        return new PageParameters().add(ID, ticketId);
    }

    private Form<Void> actions() {
        Form<Void> form = new Form<>("actions");
        IModel<Set<Action>> allowed = detail.map(d -> d.ticket().actions());
        form.add(new TextArea<>("note", LambdaModel.of(() -> note, v -> note = v)));
        WebMarkupContainer minutesRow = new WebMarkupContainer("minutesRow");
        minutesRow.setVisible(viewer().technician());
        minutesRow.add(new NumberTextField<>("minutesSpent", LambdaModel.of(() -> minutes, v -> minutes = v),
                Integer.class));
        form.add(minutesRow);
        WebMarkupContainer planRow = new WebMarkupContainer("planRow");
        planRow.add(new DateField("plannedOnField", LambdaModel.of(() -> plannedOn, v -> plannedOn = v)));
        form.add(planRow.setVisible(allowed.getObject().contains(Action.PLAN)));
        WebMarkupContainer ratingRow = new WebMarkupContainer("ratingRow");
        DropDownChoice<Integer> choice = new DropDownChoice<>("rating", LambdaModel.of(() -> rating,
                v -> rating = v), List.of(5, 4, 3, 2, 1));
        choice.setNullValid(true);
        ratingRow.add(choice);
        form.add(ratingRow.setVisible(allowed.getObject().contains(Action.CLOSE)));
        form.add(button("assign", Action.ASSIGN, allowed, () -> tickets().assign(caller(), ticketId, null)));
        form.add(button("plan", Action.PLAN, allowed, () -> tickets().plan(caller(), ticketId, plannedOn, note)));
        form.add(button("wait", Action.WAIT, allowed, () -> tickets().waitFor(caller(), ticketId, note)));
        form.add(button("solve", Action.SOLVE, allowed, () -> tickets().solve(caller(), ticketId, note,
                minutes == null ? 0 : minutes)));
        form.add(button("close", Action.CLOSE, allowed, () -> tickets().close(caller(), ticketId, rating, note)));
        form.add(button("reopen", Action.REOPEN, allowed, () -> tickets().reopen(caller(), ticketId, note)));
        form.add(button("addNote", Action.NOTE, allowed, () -> tickets().note(caller(), ticketId, note,
                minutes == null ? 0 : minutes)));
        return form;
    }

    private Button button(String id, Action action, IModel<Set<Action>> allowed, Call call) {
        Button button = new Button(id) {
            private static final long serialVersionUID = 1L;

            @Override
            public void onSubmit() {
                if (act(call)) {
                    setResponsePage(TicketPage.class, forTicket(ticketId));
                }
            }
        };
        button.setVisible(allowed.getObject().contains(action));
        return button;
    }

    @Override
    protected void onDetach() {
        super.onDetach();
        detail.detach();
    }

    /** The photo, read at each request through the service, which checks the signed-in person again. */
    private static final class PhotoResource extends DynamicImageResource {
        private static final long serialVersionUID = 1L;
        private final String ticketId;

        PhotoResource(String ticketId) {
            this.ticketId = ticketId;
        }

        @Override
        protected byte[] getImageData(Attributes attributes) {
            try {
                return CartableSession.get().caller().map(c -> {
                    Ticket.Photo photo = tickets().photo(c, ticketId);
                    setFormat(photo.contentType().substring("image/".length()));
                    return photo.data();
                }).orElse(new byte[0]);
            } catch (CartableException refused) {
                return new byte[0];
            }
        }
    }
}
