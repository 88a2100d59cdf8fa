package org.cartable.notebook.internal.web;

import org.apache.wicket.markup.html.WebPage;
import org.cartable.api.web.PageContribution;
import org.cartable.notebook.internal.NotebookApp;
import org.osgi.service.component.annotations.Component;

/** One notebook, its pages in order. */
@Component(service = PageContribution.class)
public final class NotebookViewContribution implements PageContribution {

    @Override
    public String appId() {
        return NotebookApp.ID;
    }

    @Override
    public String path() {
        return NotebookApp.ID + "/${classId}/view/${notebookId}";
    }

    @Override
    public Class<? extends WebPage> pageClass() {
        return NotebookViewPage.class;
    }
}
