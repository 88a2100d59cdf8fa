package org.cartable.fleet.internal.web;

import org.apache.wicket.markup.html.WebPage;
import org.cartable.api.web.PageContribution;
import org.cartable.fleet.internal.FleetApp;
import org.osgi.service.component.annotations.Component;

/** A ticket (?id=). */
@Component(service = PageContribution.class)
public final class TicketContribution implements PageContribution {

    @Override
    public String appId() {
        return FleetApp.ID;
    }

    @Override
    public String path() {
        return FleetApp.ID + "/ticket";
    }

    @Override
    public Class<? extends WebPage> pageClass() {
        return TicketPage.class;
    }
}
