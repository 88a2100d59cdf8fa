package org.cartable.notebook.internal.web;

import org.apache.wicket.markup.html.WebPage;
import org.cartable.api.web.PageContribution;
import org.cartable.notebook.internal.NotebookApp;
import org.osgi.service.component.annotations.Component;

/** The editor of one page (takes the page's edit lock). */
@Component(service = PageContribution.class)
public final class NotebookEditorContribution implements PageContribution {

    @Override
    public String appId() {
        return NotebookApp.ID;
    }

    @Override
    public String path() {
        return NotebookApp.ID + "/${classId}/edit/${notebookId}/${pageId}";
    }

    @Override
    public Class<? extends WebPage> pageClass() {
        return NotebookEditorPage.class;
    }
}
