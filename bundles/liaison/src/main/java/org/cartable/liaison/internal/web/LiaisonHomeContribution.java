package org.cartable.liaison.internal.web;

import org.apache.wicket.markup.html.WebPage;
import org.cartable.api.web.PageContribution;
import org.cartable.liaison.internal.LiaisonApp;
import org.osgi.service.component.annotations.Component;

/** The notebook's home page, opened from the class tile. */
@Component(service = PageContribution.class)
public final class LiaisonHomeContribution implements PageContribution {

    @Override
    public String appId() {
        return LiaisonApp.ID;
    }

    @Override
    public String path() {
        return LiaisonApp.ID + "/${classId}";
    }

    @Override
    public Class<? extends WebPage> pageClass() {
        return LiaisonHomePage.class;
    }

    @Override
    public boolean isHome() {
        return true;
    }
}
