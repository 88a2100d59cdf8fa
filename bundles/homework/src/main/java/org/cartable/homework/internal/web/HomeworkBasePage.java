package org.cartable.homework.internal.web;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Supplier;

import org.apache.wicket.RestartResponseException;
import org.apache.wicket.markup.html.panel.FeedbackPanel;
import org.apache.wicket.model.IModel;
import org.apache.wicket.model.StringResourceModel;
import org.apache.wicket.request.mapper.parameter.PageParameters;
import org.cartable.api.CartableException;
import org.cartable.api.Directory;
import org.cartable.api.PersonSummary;
import org.cartable.api.web.CartableSession;
import org.cartable.api.web.ClassAppPage;
import org.cartable.api.web.Services;
import org.cartable.api.web.ShellLayout;
import org.cartable.homework.internal.HomeworkApp;
import org.cartable.homework.internal.HomeworkService;
import org.cartable.homework.internal.Subject;
import org.cartable.homework.internal.Texts;

/** What the diary's pages share: the service lookup, the child a parent looks at, refusals, dates, feedback. */
abstract class HomeworkBasePage extends ClassAppPage {

    private static final long serialVersionUID = 1L;

    HomeworkBasePage(PageParameters parameters) {
        super(parameters);
        add(new FeedbackPanel("feedback"));
    }

    @Override
    protected final String appId() {
        return HomeworkApp.ID;
    }

    @Override
    protected IModel<String> pageTitle() {
        return new StringResourceModel("app.name", this);
    }

    /** Looked up at each use: pages are serialised and must not hold services. */
    static HomeworkService homework() {
        return Services.get(HomeworkService.class);
    }

    /**
     * The child a parent looks at: the one chosen in the shell's child switcher when they are in this class,
     * otherwise their first child in the class; null for staff and pupils (who see their own).
     */
    String childId() {
        if (relation().isStaff() || relation().pupil() || !relation().isParent()) {
            return null;
        }
        List<String> children = relation().childIds();
        return CartableSession.get().selectedChildId().filter(children::contains).orElse(children.get(0));
    }

    /** First name of the child a parent looks at, or null. */
    String childName() {
        String childId = childId();
        if (childId == null) {
            return null;
        }
        return Services.get(Directory.class).person(childId).map(PersonSummary::displayName)
                .map(name -> name.split(" ")[0]).orElse(null);
    }

    /**
     * Reads what the page shows. A refusal here means the page cannot be shown at all any more (the app was
     * disabled, the entry deleted): the shell's access-denied page explains it.
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

    String subject(Subject subject) {
        return Texts.subject(getLocale(), subject);
    }

    String longDate(LocalDate date) {
        return Texts.longDate(getLocale(), date);
    }

    /** A date from a page parameter, or null when absent or malformed (the page then shows today). */
    static LocalDate dateParameter(PageParameters parameters, String name) {
        String value = parameters.get(name).toOptionalString();
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
