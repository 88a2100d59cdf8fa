package org.cartable.wiki.internal.web;

import org.apache.wicket.markup.html.WebPage;
import org.cartable.api.web.PageContribution;
import org.cartable.wiki.internal.WikiApp;
import org.osgi.service.component.annotations.Component;

/** One page of the wiki. */
@Component(service = PageContribution.class)
public final class WikiPageContribution implements PageContribution {

    @Override
    public String appId() {
        return WikiApp.ID;
    }

    @Override
    public String path() {
        return WikiApp.ID + "/${classId}/page/${pageId}";
    }

    @Override
    public Class<? extends WebPage> pageClass() {
        return WikiViewPage.class;
    }
}
