package org.cartable.fleet.internal.web;

import java.util.List;

import org.apache.wicket.markup.html.WebMarkupContainer;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.link.BookmarkablePageLink;
import org.apache.wicket.markup.html.list.ListItem;
import org.apache.wicket.markup.html.list.ListView;
import org.apache.wicket.model.IModel;
import org.apache.wicket.model.LoadableDetachableModel;
import org.apache.wicket.model.Model;
import org.apache.wicket.model.StringResourceModel;
import org.apache.wicket.request.mapper.parameter.PageParameters;
import org.cartable.api.web.VisibleWhen;
import org.cartable.fleet.internal.Ticket;

/** The tickets of the caller's schools, open ones by default, late ones flagged against the working-day targets. */
public class TicketsPage extends FleetBasePage {

    private static final long serialVersionUID = 1L;

    public TicketsPage(PageParameters parameters) {
        super(parameters);
        boolean all = parameters.get("all").toBoolean(false);
        IModel<List<Ticket>> tickets = LoadableDetachableModel.of(() -> load(() -> tickets().tickets(caller(), !all)));
        add(new BookmarkablePageLink<Void>("toggle", TicketsPage.class, all ? new PageParameters()
                : new PageParameters().add("all", true)).setBody(new StringResourceModel(all ? "showOpen"
                : "showAll", this)));
        add(new WebMarkupContainer("empty").add(VisibleWhen.of(() -> tickets.getObject().isEmpty())));
        WebMarkupContainer table = new WebMarkupContainer("table");
        table.add(VisibleWhen.of(() -> !tickets.getObject().isEmpty()));
        add(table);
        table.add(new ListView<>("ticket", tickets) {
            private static final long serialVersionUID = 1L;

            @Override
            protected void populateItem(ListItem<Ticket> item) {
                Ticket t = item.getModelObject();
                item.add(new Label("openedAt", format(t.openedAt())));
                item.add(new Label("device", t.deviceTag()));
                item.add(new Label("school", t.schoolName()));
                item.add(new BookmarkablePageLink<Void>("link", TicketPage.class, TicketPage.forTicket(t.id()))
                        .setBody(Model.of(t.problem().length() > 80 ? t.problem().substring(0, 79) + "…"
                                : t.problem())));
                item.add(new Label("status", text("status", t.status())));
                item.add(new Label("technician", t.technicianName()));
                item.add(new WebMarkupContainer("late").setVisible(t.targets().late() && t.status().open()));
                item.add(new Label("targets", new StringResourceModel("targetDates", this).setParameters(
                        format(t.targets().ownBy()), format(t.targets().resolveBy()))));
            }
        });
    }
}
