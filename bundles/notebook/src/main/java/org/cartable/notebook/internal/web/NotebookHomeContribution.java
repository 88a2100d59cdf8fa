package org.cartable.notebook.internal.web;

import org.apache.wicket.markup.html.WebPage;
import org.cartable.api.web.PageContribution;
import org.cartable.notebook.internal.NotebookApp;
import org.osgi.service.component.annotations.Component;

/** The class's notebooks, opened from the class tile. */
@Component(service = PageContribution.class)
public final class NotebookHomeContribution implements PageContribution {

    @Override
    public String appId() {
        return NotebookApp.ID;
    }

    @Override
    public String path() {
        return NotebookApp.ID + "/${classId}";
    }

    @Override
    public Class<? extends WebPage> pageClass() {
        return NotebookHomePage.class;
    }

    @Override
    public boolean isHome() {
        return true;
    }
}
