package org.cartable.wiki.internal.web;

import org.apache.wicket.markup.html.WebPage;
import org.cartable.api.web.PageContribution;
import org.cartable.wiki.internal.WikiApp;
import org.osgi.service.component.annotations.Component;

/** The editor of a new page (links to missing pages lead here). */
@Component(service = PageContribution.class)
public final class WikiNewContribution implements PageContribution {

    @Override
    public String appId() {
        return WikiApp.ID;
    }

    @Override
    public String path() {
        return WikiApp.ID + "/${classId}/new";
    }

    @Override
    public Class<? extends WebPage> pageClass() {
        return WikiNewPage.class;
    }
}
