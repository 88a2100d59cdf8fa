package org.cartable.wiki.internal.web;

import org.apache.wicket.request.mapper.parameter.PageParameters;

/** The wiki's home page, opened from the class tile; created on first access. Shown with the page view's markup. */
public class WikiHomePage extends WikiViewPage {

    private static final long serialVersionUID = 1L;

    public WikiHomePage(PageParameters parameters) {
        super(parameters);
    }

    @Override
    protected String pageId(PageParameters parameters) {
        return load(() -> wiki().homeId(caller(), classId()));
    }
}
