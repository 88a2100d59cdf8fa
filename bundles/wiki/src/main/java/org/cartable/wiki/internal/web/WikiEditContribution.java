package org.cartable.wiki.internal.web;

import org.apache.wicket.markup.html.WebPage;
import org.cartable.api.web.PageContribution;
import org.cartable.wiki.internal.WikiApp;
import org.osgi.service.component.annotations.Component;

/** The editor of a page. */
@Component(service = PageContribution.class)
public final class WikiEditContribution implements PageContribution {

    @Override
    public String appId() {
        return WikiApp.ID;
    }

    @Override
    public String path() {
        return WikiApp.ID + "/${classId}/edit/${pageId}";
    }

    @Override
    public Class<? extends WebPage> pageClass() {
        return WikiEditPage.class;
    }
}
