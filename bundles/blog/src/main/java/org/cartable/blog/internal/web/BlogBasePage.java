package org.cartable.blog.internal.web;

import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.function.Supplier;

import org.apache.wicket.RestartResponseException;
import org.apache.wicket.markup.html.panel.FeedbackPanel;
import org.apache.wicket.model.IModel;
import org.apache.wicket.model.StringResourceModel;
import org.apache.wicket.request.mapper.parameter.PageParameters;
import org.cartable.api.CartableException;
import org.cartable.api.privacy.FormerUser;
import org.cartable.api.web.ClassAppPage;
import org.cartable.api.web.Services;
import org.cartable.api.web.ShellLayout;
import org.cartable.blog.internal.BlogApp;
import org.cartable.blog.internal.BlogService;

/** What both blog pages share: the service lookup, refusals shown as feedback, dates, the feedback panel. */
abstract class BlogBasePage extends ClassAppPage {

    private static final long serialVersionUID = 1L;

    /* The platform serves French schools; dates are shown in their time zone. */
    private static final ZoneId SCHOOL_ZONE = ZoneId.of("Europe/Paris");

    /** An author's name as shown: what a purged account wrote reads "former user" in the page's language. */
    String author(String authorId, String name) {
        return FormerUser.is(authorId) ? FormerUser.label(getLocale()) : name;
    }

    BlogBasePage(PageParameters parameters) {
        super(parameters);
        add(new FeedbackPanel("feedback"));
    }

    @Override
    protected final String appId() {
        return BlogApp.ID;
    }

    @Override
    protected IModel<String> pageTitle() {
        return new StringResourceModel("app.name", this);
    }

    /** Looked up at each use: pages are serialised and must not hold services. */
    static BlogService blog() {
        return Services.get(BlogService.class);
    }

    /**
     * Reads what the page shows. A refusal here means the page cannot be shown at all any more (the blog was
     * disabled, the post deleted): the shell's access-denied page explains it.
     */
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
