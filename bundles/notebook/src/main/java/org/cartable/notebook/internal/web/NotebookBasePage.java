package org.cartable.notebook.internal.web;

import java.io.Serializable;
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
import org.cartable.notebook.internal.NotebookApp;
import org.cartable.notebook.internal.NotebookService;

/** What the notebook's pages share: the service lookup, refusals shown as feedback, the stylesheet. */
abstract class NotebookBasePage extends ClassAppPage {

    private static final long serialVersionUID = 1L;

    static final CssResourceReference STYLES = new CssResourceReference(NotebookBasePage.class, "notebook.css");

    NotebookBasePage(PageParameters parameters) {
        super(parameters);
        add(new FeedbackPanel("feedback"));
    }

    @Override
    protected final String appId() {
        return NotebookApp.ID;
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
    static NotebookService notebooks() {
        return Services.get(NotebookService.class);
    }

    /** Reads what the page shows; a refusal means the page cannot be shown at all: the shell's access-denied page. */
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

    static PageParameters notebookParameters(String classId, String notebookId) {
        return ClassAppPage.forClass(classId).add("notebookId", notebookId);
    }
}
