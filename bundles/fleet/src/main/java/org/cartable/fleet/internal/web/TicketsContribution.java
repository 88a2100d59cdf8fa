package org.cartable.fleet.internal.web;

import org.apache.wicket.markup.html.WebPage;
import org.cartable.api.web.PageContribution;
import org.cartable.fleet.internal.FleetApp;
import org.osgi.service.component.annotations.Component;

/** The tickets list. */
@Component(service = PageContribution.class)
public final class TicketsContribution implements PageContribution {

    @Override
    public String appId() {
        return FleetApp.ID;
    }

    @Override
    public String path() {
        return FleetApp.ID + "/tickets";
    }

    @Override
    public Class<? extends WebPage> pageClass() {
        return TicketsPage.class;
    }
}
