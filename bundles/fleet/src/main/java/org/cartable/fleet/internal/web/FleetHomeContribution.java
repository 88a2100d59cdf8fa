package org.cartable.fleet.internal.web;

import org.apache.wicket.markup.html.WebPage;
import org.cartable.api.web.PageContribution;
import org.cartable.fleet.internal.FleetApp;
import org.osgi.service.component.annotations.Component;

/** The device list, opened by the dashboard's tool tile. */
@Component(service = PageContribution.class)
public final class FleetHomeContribution implements PageContribution {

    @Override
    public String appId() {
        return FleetApp.ID;
    }

    @Override
    public String path() {
        return FleetApp.ID;
    }

    @Override
    public Class<? extends WebPage> pageClass() {
        return FleetHomePage.class;
    }

    @Override
    public boolean isHome() {
        return true;
    }
}
