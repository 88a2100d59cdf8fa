package org.cartable.web.internal.pages;

import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.link.BookmarkablePageLink;
import org.apache.wicket.model.ResourceModel;
import org.apache.wicket.request.http.WebResponse;
import org.apache.wicket.request.mapper.parameter.PageParameters;

/**
 * Shown when the caller may not see what they asked for: {@code reason=not_found} (unknown, or not theirs: the same
 * answer so ids cannot be probed) or {@code reason=forbidden} (e.g. the app is disabled for the class).
 */
public final class AccessDeniedPage extends PublicPage {

    private static final long serialVersionUID = 1L;

    public static final String REASON = "reason";

    private final boolean forbidden;

    public AccessDeniedPage(PageParameters parameters) {
        super(parameters);
        forbidden = "forbidden".equals(parameters.get(REASON).toOptionalString());
        add(new Label("title", new ResourceModel(forbidden ? "denied.forbidden.title" : "denied.notFound.title")));
        add(new Label("message", new ResourceModel(forbidden ? "denied.forbidden" : "denied.notFound")));
        add(new BookmarkablePageLink<Void>("back", getApplication().getHomePage()));
    }

    /** @return parameters for this page */
    public static PageParameters reason(String reason) {
        return new PageParameters().add(REASON, reason);
    }

    @Override
    protected void configureResponse(WebResponse response) {
        super.configureResponse(response);
        response.setStatus(forbidden ? 403 : 404);
    }

    @Override
    public boolean isErrorPage() {
        return true;
    }

    @Override
    protected String titleKey() {
        return "denied.pageTitle";
    }
}
