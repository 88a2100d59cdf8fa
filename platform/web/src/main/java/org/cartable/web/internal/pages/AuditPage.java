package org.cartable.web.internal.pages;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.apache.wicket.AttributeModifier;
import org.apache.wicket.markup.html.WebMarkupContainer;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.link.BookmarkablePageLink;
import org.apache.wicket.markup.html.list.ListItem;
import org.apache.wicket.markup.html.list.ListView;
import org.apache.wicket.model.IModel;
import org.apache.wicket.model.Model;
import org.apache.wicket.request.mapper.parameter.PageParameters;
import org.cartable.api.Caller;
import org.cartable.api.CartableException;
import org.cartable.api.Role;
import org.cartable.api.web.AppBasePage;
import org.cartable.core.service.AuditTrail;
import org.cartable.web.internal.CartableWebApplication;

/**
 * The audit log for operators and platform administrators: filters by period (days, Paris time), event type and
 * actor, newest first, 100 a page. Stateless: the filters are a GET form, so a filtered view can be bookmarked.
 */
public final class AuditPage extends AppBasePage {

    private static final long serialVersionUID = 1L;

    static final int PAGE_SIZE = 100;
    private static final ZoneId SCHOOL_TIME = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    public AuditPage(PageParameters parameters) {
        super(parameters);
        Caller caller = caller();
        AuditTrail trail = CartableWebApplication.get().services().auditTrail();
        if (trail == null || !(caller.has(Role.OPERATOR) || caller.has(Role.PLATFORM_ADMIN))) {
            throw CartableException.forbidden("Only operators and platform administrators read the audit log.");
        }
        String from = text(parameters, "from", 10);
        String to = text(parameters, "to", 10);
        String type = text(parameters, "type", 60);
        String actor = text(parameters, "actor", 100);
        Long before = cursor(text(parameters, "before", 19));

        add(new BookmarkablePageLink<Void>("back", getApplication().getHomePage()));
        add(input("from", from), input("to", to), input("type", type), input("actor", actor));

        AuditTrail.Page page;
        String problem = null;
        try {
            page = trail.read(caller, new AuditTrail.Query(day(from, 0), day(to, 1), type, actor, before,
                    PAGE_SIZE));
        } catch (CartableException | DateTimeParseException bad) {
            page = new AuditTrail.Page(List.of(), null);
            problem = getString("audit.badFilter");
        }
        add(new Label("problem", problem).setVisible(problem != null));
        add(new Label("empty", getString("audit.empty")).setVisible(problem == null && page.entries().isEmpty()));
        add(new ListView<>("entry", page.entries()) {
            private static final long serialVersionUID = 1L;

            @Override
            protected void populateItem(ListItem<AuditTrail.Entry> item) {
                AuditTrail.Entry e = item.getModelObject();
                item.add(new Label("at", SHOWN.format(e.at().atZone(SCHOOL_TIME))));
                item.add(new Label("type", e.type()));
                item.add(new Label("actor", e.actorLogin() == null ? "—" : e.actorLogin()));
                item.add(new Label("target", e.target() == null ? "" : e.target()));
                item.add(new Label("detail", e.detail() == null ? "" : e.detail()));
                item.add(new Label("address", e.address() == null ? "" : e.address()));
            }
        });
        PageParameters older = new PageParameters(parameters).set("before", page.next() == null ? 0 : page.next());
        add(new BookmarkablePageLink<Void>("older", AuditPage.class, older).setVisible(page.next() != null));
    }

    private static Long cursor(String value) {
        try {
            return value == null ? null : Long.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static WebMarkupContainer input(String id, String value) {
        WebMarkupContainer input = new WebMarkupContainer(id);
        input.add(AttributeModifier.replace("value", value == null ? "" : value));
        return input;
    }

    private static String text(PageParameters parameters, String name, int max) {
        String value = parameters.get(name).toOptionalString();
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.length() > max ? trimmed.substring(0, max) : trimmed;
    }

    /** The start of the day (plus {@code plusDays}) in school time: "to" includes its whole day. */
    private static Instant day(String date, int plusDays) {
        return date == null ? null : LocalDate.parse(date).plusDays(plusDays).atStartOfDay(SCHOOL_TIME).toInstant();
    }

    @Override
    protected IModel<String> pageTitle() {
        return Model.of(getString("audit.title") + " · Cartable");
    }
}
