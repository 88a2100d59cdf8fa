package org.cartable.directoryimport.internal.web;

import org.apache.wicket.markup.html.WebPage;
import org.cartable.api.web.PageContribution;
import org.cartable.directoryimport.internal.ImportApp;
import org.osgi.service.component.annotations.Component;

/** The tool's page at /app/import, opened by its dashboard tile. */
@Component(service = PageContribution.class)
public final class ImportPageContribution implements PageContribution {

    @Override
    public String appId() {
        return ImportApp.ID;
    }

    @Override
    public String path() {
        return "import";
    }

    @Override
    public Class<? extends WebPage> pageClass() {
        return ImportPage.class;
    }

    @Override
    public boolean isHome() {
        return true;
    }
}
