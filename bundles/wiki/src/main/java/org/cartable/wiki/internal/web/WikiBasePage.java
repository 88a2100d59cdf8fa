package org.cartable.wiki.internal.web;

import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
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
import org.cartable.api.web.ClassAppPage;
import org.cartable.api.web.Services;
import org.cartable.api.web.ShellLayout;
import org.cartable.wiki.internal.TreeNode;
import org.cartable.wiki.internal.WikiApp;
import org.cartable.wiki.internal.WikiService;

/** What the wiki's pages share: the service lookup, refusals, dates, the feedback panel and the wiki's stylesheet. */
abstract class WikiBasePage extends ClassAppPage {

    private static final long serialVersionUID = 1L;

    /** Page parameter (and mount path segment) carrying the page id. */
    static final String PAGE_ID = "pageId";

    /* The platform serves French schools; dates are shown in their time zone. */
    private static final ZoneId SCHOOL_ZONE = ZoneId.of("Europe/Paris");
    /* A file of the bundle, not inline styles: the shell's Content Security Policy forbids those. */
    private static final CssResourceReference STYLESHEET = new CssResourceReference(WikiBasePage.class, "wiki.css");

    WikiBasePage(PageParameters parameters) {
        super(parameters);
        add(new FeedbackPanel("feedback"));
    }

    @Override
    protected final String appId() {
        return WikiApp.ID;
    }

    @Override
    protected IModel<String> pageTitle() {
        return new StringResourceModel("app.name", this);
    }

    @Override
    public void renderHead(IHeaderResponse response) {
        super.renderHead(response);
        response.render(CssHeaderItem.forReference(STYLESHEET));
    }

    /** Looked up at each use: pages are serialised and must not hold services. */
    static WikiService wiki() {
        return Services.get(WikiService.class);
    }

    /** @return parameters opening a page of the wiki of a class */
    static PageParameters pageParameters(String classId, String pageId) {
        return forClass(classId).add(PAGE_ID, pageId);
    }

    /**
     * Reads what the page shows. A refusal here means the page cannot be shown at all (the wiki was disabled, the
     * page deleted): the shell's access-denied page explains it.
     */
    static <T> T load(Supplier<T> reading) {
        try {
            return reading.get();
        } catch (CartableException refused) {
            throw denied(refused.kind());
        }
    }

    static RestartResponseException denied(CartableException.Kind kind) {
        return new RestartResponseException(ShellLayout.get().accessDeniedPage(),
                new PageParameters().add("reason", kind.code()));
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

    /** A page of the tree with its depth, for lists that show the tree flat. */
    record Entry(String id, String title, int depth) implements Serializable {
    }

    /** @return the tree depth first, each page with its depth (0 for the home page) */
    static List<Entry> entries(TreeNode root) {
        List<Entry> entries = new ArrayList<>();
        collect(root, 0, entries);
        return entries;
    }

    private static void collect(TreeNode node, int depth, List<Entry> entries) {
        entries.add(new Entry(node.id(), node.title(), depth));
        node.children().forEach(child -> collect(child, depth + 1, entries));
    }
}
