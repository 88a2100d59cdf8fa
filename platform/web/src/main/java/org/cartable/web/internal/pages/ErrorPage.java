package org.cartable.web.internal.pages;

import org.apache.wicket.MetaDataKey;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.link.BookmarkablePageLink;
import org.apache.wicket.model.StringResourceModel;
import org.apache.wicket.request.cycle.RequestCycle;
import org.apache.wicket.request.http.WebResponse;
import org.apache.wicket.request.mapper.parameter.PageParameters;

/** Unexpected failure: an apology and the reference under which the server log holds the details, never a trace. */
public final class ErrorPage extends PublicPage {

    private static final long serialVersionUID = 1L;

    /** Reference of the failure being shown, set by the shell when it logs the exception. */
    public static final MetaDataKey<String> REFERENCE = new MetaDataKey<>() {
        private static final long serialVersionUID = 1L;
    };

    public ErrorPage(PageParameters parameters) {
        super(parameters);
        String reference = RequestCycle.get().getMetaData(REFERENCE);
        add(new Label("reference", new StringResourceModel("error.reference", this).setParameters(reference))
                .setVisible(reference != null));
        add(new BookmarkablePageLink<Void>("back", getApplication().getHomePage()));
    }

    @Override
    protected void configureResponse(WebResponse response) {
        super.configureResponse(response);
        response.setStatus(500);
    }

    @Override
    public boolean isVersioned() {
        return false;
    }

    @Override
    public boolean isErrorPage() {
        return true;
    }

    @Override
    protected String titleKey() {
        return "error.pageTitle";
    }
}
