package org.cartable.fleet.internal.web;

import org.apache.wicket.markup.html.WebPage;
import org.cartable.api.web.PageContribution;
import org.cartable.fleet.internal.FleetApp;
import org.osgi.service.component.annotations.Component;

/** A device (?id=), or the creation form. */
@Component(service = PageContribution.class)
public final class DeviceContribution implements PageContribution {

    @Override
    public String appId() {
        return FleetApp.ID;
    }

    @Override
    public String path() {
        return FleetApp.ID + "/device";
    }

    @Override
    public Class<? extends WebPage> pageClass() {
        return DevicePage.class;
    }
}
