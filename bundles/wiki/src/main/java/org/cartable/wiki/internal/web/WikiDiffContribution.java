package org.cartable.wiki.internal.web;

import org.apache.wicket.markup.html.WebPage;
import org.cartable.api.web.PageContribution;
import org.cartable.wiki.internal.WikiApp;
import org.osgi.service.component.annotations.Component;

/** Two versions of a page compared. */
@Component(service = PageContribution.class)
public final class WikiDiffContribution implements PageContribution {

    @Override
    public String appId() {
        return WikiApp.ID;
    }

    @Override
    public String path() {
        return WikiApp.ID + "/${classId}/diff/${pageId}";
    }

    @Override
    public Class<? extends WebPage> pageClass() {
        return WikiDiffPage.class;
    }
}
