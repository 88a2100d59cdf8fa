package org.cartable.wiki.internal.web;

import org.apache.wicket.markup.html.WebPage;
import org.cartable.api.web.PageContribution;
import org.cartable.wiki.internal.WikiApp;
import org.osgi.service.component.annotations.Component;

/** The wiki's home page, opened from the class tile. */
@Component(service = PageContribution.class)
public final class WikiHomeContribution implements PageContribution {

    @Override
    public String appId() {
        return WikiApp.ID;
    }

    @Override
    public String path() {
        return WikiApp.ID + "/${classId}";
    }

    @Override
    public Class<? extends WebPage> pageClass() {
        return WikiHomePage.class;
    }

    @Override
    public boolean isHome() {
        return true;
    }
}
