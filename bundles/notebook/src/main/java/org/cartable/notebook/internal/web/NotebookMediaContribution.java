package org.cartable.notebook.internal.web;

import org.apache.wicket.markup.html.WebPage;
import org.cartable.api.web.PageContribution;
import org.cartable.notebook.internal.NotebookApp;
import org.osgi.service.component.annotations.Component;

/** An uploaded file, streamed with byte ranges. */
@Component(service = PageContribution.class)
public final class NotebookMediaContribution implements PageContribution {

    @Override
    public String appId() {
        return NotebookApp.ID;
    }

    @Override
    public String path() {
        return NotebookApp.ID + "/${classId}/media/${notebookId}/${mediaId}";
    }

    @Override
    public Class<? extends WebPage> pageClass() {
        return NotebookMediaPage.class;
    }
}
