package org.cartable.liaison.internal.web;

import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.function.Supplier;

import org.apache.wicket.RestartResponseException;
import org.apache.wicket.markup.head.CssHeaderItem;
import org.apache.wicket.markup.head.IHeaderResponse;
import org.apache.wicket.markup.html.panel.FeedbackPanel;
import org.apache.wicket.model.IModel;
import org.apache.wicket.model.StringResourceModel;
import org.apache.wicket.request.mapper.parameter.PageParameters;
import org.apache.wicket.request.resource.CssResourceReference;
import org.cartable.api.CartableException;
import org.cartable.api.web.CartableSession;
import org.cartable.api.web.ClassAppPage;
import org.cartable.api.web.Services;
import org.cartable.api.web.ShellLayout;
import org.cartable.liaison.internal.LiaisonApp;
import org.cartable.liaison.internal.LiaisonService;

/**
 * What the notebook's pages share: the service lookup, the child a parent acts for (the shell's selected child when
 * it is in this class), refusals shown as feedback, dates, and the notebook's stylesheet (print layout of the slips).
 */
abstract class LiaisonBasePage extends ClassAppPage {

    private static final long serialVersionUID = 1L;

    /* The platform serves French schools; dates are shown in their time zone. */
    private static final ZoneId SCHOOL_ZONE = ZoneId.of("Europe/Paris");
    private static final CssResourceReference STYLES = new CssResourceReference(LiaisonBasePage.class, "liaison.css");

    LiaisonBasePage(PageParameters parameters) {
        super(parameters);
        add(new FeedbackPanel("feedback"));
    }

    @Override
    protected final String appId() {
        return LiaisonApp.ID;
    }

    @Override
    protected IModel<String> pageTitle() {
        return new StringResourceModel("app.name", this);
    }

    @Override
    public void renderHead(IHeaderResponse response) {
        super.renderHead(response);
        response.render(CssHeaderItem.forReference(STYLES));
    }

    /** Looked up at each use: pages are serialised and must not hold services. */
    static LiaisonService liaison() {
        return Services.get(LiaisonService.class);
    }

    /**
     * For a parent (who is not staff of the class): the child they act for, the one chosen in the shell's child
     * switcher if it is in this class, else their first child here. Null for the staff and pupils.
     */
    String childId() {
        if (relation().isStaff() || relation().pupil() || relation().childIds().isEmpty()) {
            return null;
        }
        return CartableSession.get().selectedChildId()
                .filter(relation().childIds()::contains)
                .orElse(relation().childIds().get(0));
    }

    /** The signed-in person, for the page's panels. */
    org.cartable.api.Caller me() {
        return caller();
    }

    boolean staff() {
        return relation().isStaff();
    }

    /** Reads what the page shows; a refusal here means the page cannot be shown: the access-denied page says why. */
    static <T> T load(Supplier<T> reading) {
        try {
            return reading.get();
        } catch (CartableException refused) {
            throw new RestartResponseException(ShellLayout.get().accessDeniedPage(),
                    new PageParameters().add("reason", refused.kind().code()));
        }
    }

    /** A call to the service kept by a button until it is pressed: it is serialised with the page. */
    @FunctionalInterface
    interface Action extends Serializable {
        void run();
    }

    /** Runs an action; a refusal is shown in the page's language above the page rather than as an error page. */
    boolean act(Action action) {
        try {
            action.run();
            return true;
        } catch (CartableException refused) {
            error(getString("error." + refused.kind().code()));
            return false;
        }
    }

    String format(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(getLocale()).withZone(SCHOOL_ZONE).format(instant);
    }
}
