package org.cartable.fleet.internal.web;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.function.Supplier;

import org.apache.wicket.RestartResponseException;
import org.apache.wicket.markup.head.CssHeaderItem;
import org.apache.wicket.markup.head.IHeaderResponse;
import org.apache.wicket.markup.html.WebPage;
import org.apache.wicket.markup.html.link.BookmarkablePageLink;
import org.apache.wicket.markup.html.panel.FeedbackPanel;
import org.apache.wicket.model.IModel;
import org.apache.wicket.model.StringResourceModel;
import org.apache.wicket.request.mapper.parameter.PageParameters;
import org.apache.wicket.request.resource.CssResourceReference;
import org.cartable.api.CartableException;
import org.cartable.api.web.Services;
import org.cartable.api.web.ShellLayout;
import org.cartable.api.web.ToolPage;
import org.cartable.fleet.internal.DeliveryImport;
import org.cartable.fleet.internal.FleetApp;
import org.cartable.fleet.internal.FleetService;
import org.cartable.fleet.internal.GlpiExport;
import org.cartable.fleet.internal.TicketService;
import org.cartable.fleet.internal.Viewer;

/** What the fleet's pages share: navigation, service lookups, refusals shown as feedback, dates, the stylesheet. */
abstract class FleetBasePage extends ToolPage {

    private static final long serialVersionUID = 1L;
    private static final CssResourceReference CSS = new CssResourceReference(FleetBasePage.class, "fleet.css");

    FleetBasePage(PageParameters parameters) {
        super(parameters);
        Viewer viewer = load(() -> fleet().viewer(caller()));
        add(nav("navDevices", FleetHomePage.class, true));
        add(nav("navTickets", TicketsPage.class, true));
        add(nav("navInventory", InventoryPage.class, viewer.inventories()));
        add(nav("navImport", ImportPage.class, viewer.manager()));
        add(nav("navLabels", LabelsPage.class, viewer.manager()));
        add(nav("navRenewal", RenewalPage.class, viewer.inventories()));
        add(nav("navCharts", ChartsPage.class, true));
        add(new FeedbackPanel("feedback"));
    }

    private BookmarkablePageLink<Void> nav(String id, Class<? extends WebPage> page, boolean visible) {
        BookmarkablePageLink<Void> link = new BookmarkablePageLink<>(id, page);
        link.setVisible(visible);
        if (page.equals(getClass())) {
            link.add(new org.apache.wicket.AttributeModifier("aria-current", "page"));
        }
        return link;
    }

    @Override
    protected final String appId() {
        return FleetApp.ID;
    }

    @Override
    protected IModel<String> pageTitle() {
        return new StringResourceModel("app.name", this);
    }

    @Override
    public void renderHead(IHeaderResponse response) {
        super.renderHead(response);
        response.render(CssHeaderItem.forReference(CSS));
    }

    /** Looked up at each use: pages are serialised and must not hold services. */
    static FleetService fleet() {
        return Services.get(FleetService.class);
    }

    static TicketService tickets() {
        return Services.get(TicketService.class);
    }

    static DeliveryImport imports() {
        return Services.get(DeliveryImport.class);
    }

    static GlpiExport export() {
        return Services.get(GlpiExport.class);
    }

    Viewer viewer() {
        return fleet().viewer(caller());
    }

    /** Reads what the page shows; a refusal means the page cannot be shown (the shell's access-denied page). */
    static <T> T load(Supplier<T> reading) {
        try {
            return reading.get();
        } catch (CartableException refused) {
            throw new RestartResponseException(ShellLayout.get().accessDeniedPage(),
                    new PageParameters().add("reason", refused.kind().code()));
        }
    }

    /** A call to a service kept by a button until it is pressed. */
    @FunctionalInterface
    interface Call extends Serializable {
        void run();
    }

    /** Runs an action; a refusal is shown above the page, in the page's language with the service's detail. */
    boolean act(Call action) {
        try {
            action.run();
            return true;
        } catch (CartableException refused) {
            error(getString("error." + refused.kind().code()) + " " + refused.getMessage());
            return false;
        }
    }

    String format(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(getLocale()).withZone(FleetService.SCHOOL_ZONE).format(instant);
    }

    String format(LocalDate day) {
        return day == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale())
                .format(day);
    }

    String text(String key, Enum<?> value) {
        return value == null ? "" : getString(key + "." + value.name());
    }
}
