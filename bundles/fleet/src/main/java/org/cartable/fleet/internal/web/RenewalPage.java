package org.cartable.fleet.internal.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.form.Button;
import org.apache.wicket.markup.html.form.Form;
import org.apache.wicket.markup.html.form.NumberTextField;
import org.apache.wicket.markup.html.link.BookmarkablePageLink;
import org.apache.wicket.markup.html.list.ListItem;
import org.apache.wicket.markup.html.list.ListView;
import org.apache.wicket.model.IModel;
import org.apache.wicket.model.LambdaModel;
import org.apache.wicket.model.LoadableDetachableModel;
import org.apache.wicket.model.Model;
import org.apache.wicket.model.StringResourceModel;
import org.apache.wicket.request.mapper.parameter.PageParameters;
import org.cartable.fleet.internal.Reports.DueDevice;
import org.cartable.fleet.internal.Reports.RenewalLine;
import org.cartable.fleet.internal.Reports.RenewalPlan;

/** Renewal planning: devices past the age limit or out of warranty, per collectivity and school, with a budget. */
public class RenewalPage extends FleetBasePage {

    private static final long serialVersionUID = 1L;

    private Integer maxAge;

    public RenewalPage(PageParameters parameters) {
        super(parameters);
        maxAge = fleet().settings().maxAgeYears();
        IModel<RenewalPlan> plan = LoadableDetachableModel.of(() -> load(() -> fleet().renewal(caller(), null,
                maxAge)));
        add(new Label("summary", plan.map(p -> new StringResourceModel("renewalSummary", this).setParameters(
                p.devices().size(), p.maxAgeYears(), euros(p.budget())).getString())));
        Form<Void> form = new Form<>("form");
        form.add(new NumberTextField<>("maxAge", LambdaModel.of(() -> maxAge, v -> maxAge = v), Integer.class)
                .setMinimum(1).setMaximum(50).setRequired(true));
        form.add(new Button("apply"));
        add(form);
        add(lines("collectivity", plan.map(RenewalPlan::collectivities)));
        add(lines("school", plan.map(RenewalPlan::schools)));
        add(new ListView<>("device", plan.map(RenewalPlan::devices)) {
            private static final long serialVersionUID = 1L;

            @Override
            protected void populateItem(ListItem<DueDevice> item) {
                DueDevice due = item.getModelObject();
                item.add(new BookmarkablePageLink<Void>("link", DevicePage.class,
                        DevicePage.forDevice(due.device().id())).setBody(Model.of(due.device().tag())));
                item.add(new Label("kind", text("kind", due.device().kind())));
                item.add(new Label("school", due.device().schoolName()));
                item.add(new Label("reasons", due.reasons().stream().map(r -> getString("reason." + r.name()))
                        .collect(Collectors.joining(", "))));
                item.add(new Label("price", euros(due.replacementPrice())));
            }
        });
    }

    private ListView<RenewalLine> lines(String id, IModel<List<RenewalLine>> lines) {
        return new ListView<>(id, lines) {
            private static final long serialVersionUID = 1L;

            @Override
            protected void populateItem(ListItem<RenewalLine> item) {
                RenewalLine line = item.getModelObject();
                item.add(new Label("name", line.name()));
                item.add(new Label("due", line.dueByKind().entrySet().stream()
                        .map(e -> e.getValue() + " × " + text("kind", e.getKey())).sorted()
                        .collect(Collectors.joining(", "))));
                item.add(new Label("budget", euros(line.budget())));
            }
        };
    }

    String euros(BigDecimal amount) {
        java.text.NumberFormat euros = java.text.NumberFormat.getCurrencyInstance(
                getLocale().getLanguage().equals("en") ? java.util.Locale.UK : java.util.Locale.FRANCE);
        euros.setCurrency(java.util.Currency.getInstance("EUR"));
        return amount == null ? "" : euros.format(amount);
    }
}
