package org.cartable.deployment.internal.web;

import org.apache.wicket.markup.html.WebPage;
import org.cartable.api.web.PageContribution;
import org.cartable.deployment.internal.DeploymentApp;
import org.osgi.service.component.annotations.Component;

/** The dashboard page, opened from the operator's tool tile. */
@Component(service = PageContribution.class)
public final class DeploymentContribution implements PageContribution {

    @Override
    public String appId() {
        return DeploymentApp.ID;
    }

    @Override
    public String path() {
        return DeploymentApp.ID;
    }

    @Override
    public Class<? extends WebPage> pageClass() {
        return DeploymentPage.class;
    }

    @Override
    public boolean isHome() {
        return true;
    }
}
