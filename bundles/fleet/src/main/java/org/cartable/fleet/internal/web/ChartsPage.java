package org.cartable.fleet.internal.web;

import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;

import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.list.ListItem;
import org.apache.wicket.markup.html.list.ListView;
import org.apache.wicket.request.mapper.parameter.PageParameters;
import org.cartable.fleet.internal.DeviceKind;
import org.cartable.fleet.internal.DeviceState;
import org.cartable.fleet.internal.Reports.CollectivityFleet;
import org.cartable.fleet.internal.Reports.TicketWeek;
import org.cartable.fleet.internal.Svg;

/**
 * Charts drawn on the server as SVG (no script: the shell's policy forbids inline ones): devices by state and kind
 * per collectivity; open tickets per week and the median time to resolve, with the figures as a table.
 */
public class ChartsPage extends FleetBasePage {

    private static final long serialVersionUID = 1L;
    private static final int WEEKS = 12;

    public ChartsPage(PageParameters parameters) {
        super(parameters);
        List<CollectivityFleet> fleet = load(() -> fleet().fleetByCollectivity(caller()));
        List<DeviceState> states = Arrays.asList(DeviceState.values());
        List<DeviceKind> kinds = Arrays.asList(DeviceKind.values());
        add(svg("byState", Svg.stacked(getString("devicesByState"),
                states.stream().map(s -> text("state", s)).toList(),
                fleet.stream().map(c -> new Svg.Row(c.name(), Svg.valuesOf(c.byState(), states))).toList())));
        add(svg("byKind", Svg.stacked(getString("devicesByKind"),
                kinds.stream().map(k -> text("kind", k)).toList(),
                fleet.stream().map(c -> new Svg.Row(c.name(), Svg.valuesOf(c.byKind(), kinds))).toList())));
        List<TicketWeek> weeks = load(() -> tickets().weeks(caller(), WEEKS));
        DateTimeFormatter shortDay = DateTimeFormatter.ofPattern("dd/MM");
        List<String> labels = weeks.stream().map(w -> shortDay.format(w.week())).toList();
        add(svg("open", Svg.columns(getString("openTicketsPerWeek"), labels,
                weeks.stream().map(TicketWeek::openAtEnd).toList(), getString("tickets"))));
        add(svg("median", Svg.columns(getString("medianResolution"), labels,
                weeks.stream().map(TicketWeek::medianDaysToResolve).toList(), getString("workingDays"))));
        add(new ListView<>("week", weeks) {
            private static final long serialVersionUID = 1L;

            @Override
            protected void populateItem(ListItem<TicketWeek> item) {
                TicketWeek w = item.getModelObject();
                item.add(new Label("monday", format(w.week())));
                item.add(new Label("opened", w.opened()));
                item.add(new Label("openAtEnd", w.openAtEnd()));
                item.add(new Label("solved", w.solved()));
                item.add(new Label("median", w.medianDaysToResolve() == null ? "—"
                        : String.valueOf(w.medianDaysToResolve())));
            }
        });
    }

    /** Our own SVG markup (Svg escapes every text it draws). */
    private static Label svg(String id, String markup) {
        Label label = new Label(id, markup);
        label.setEscapeModelStrings(false);
        return label;
    }
}
