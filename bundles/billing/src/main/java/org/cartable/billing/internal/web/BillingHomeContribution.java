package org.cartable.billing.internal.web;

import org.apache.wicket.markup.html.WebPage;
import org.cartable.api.web.PageContribution;
import org.cartable.billing.internal.BillingApp;
import org.osgi.service.component.annotations.Component;

/** The billing page, opened from the dashboard's tool tile. */
@Component(service = PageContribution.class)
public final class BillingHomeContribution implements PageContribution {

    @Override
    public String appId() {
        return BillingApp.ID;
    }

    @Override
    public String path() {
        return BillingApp.ID;
    }

    @Override
    public Class<? extends WebPage> pageClass() {
        return BillingPage.class;
    }

    @Override
    public boolean isHome() {
        return true;
    }
}
