package org.cartable.notebook.internal.web;

import org.apache.wicket.markup.html.WebPage;
import org.cartable.api.web.PageContribution;
import org.cartable.notebook.internal.NotebookApp;
import org.osgi.service.component.annotations.Component;

/** A notebook as a ZIP download. */
@Component(service = PageContribution.class)
public final class NotebookExportContribution implements PageContribution {

    @Override
    public String appId() {
        return NotebookApp.ID;
    }

    @Override
    public String path() {
        return NotebookApp.ID + "/${classId}/export/${notebookId}";
    }

    @Override
    public Class<? extends WebPage> pageClass() {
        return NotebookExportPage.class;
    }
}
