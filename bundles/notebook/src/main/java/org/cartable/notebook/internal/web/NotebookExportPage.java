package org.cartable.notebook.internal.web;

import java.util.Map;

import org.apache.wicket.markup.html.WebPage;
import org.apache.wicket.request.mapper.parameter.PageParameters;
import org.cartable.api.CartableException;
import org.cartable.api.web.ClassAppPage;
import org.cartable.api.web.Services;
import org.cartable.notebook.internal.NotebookExport;
import org.cartable.notebook.internal.NotebookService;

/** {@code /app/notebook/<classId>/export/<notebookId>}: the notebook as a ZIP that works offline, streamed. */
public class NotebookExportPage extends WebPage {

    private static final long serialVersionUID = 1L;

    public NotebookExportPage(PageParameters parameters) {
        super(parameters);
        NotebookExport.Content content;
        try {
            content = Services.get(NotebookService.class).exportContent(Downloads.caller(),
                    Downloads.parameter(parameters, ClassAppPage.CLASS_ID),
                    Downloads.parameter(parameters, "notebookId"));
        } catch (CartableException refused) {
            throw Downloads.refused(refused);
        }
        throw Downloads.answer(200, Map.of("Content-Type", "application/zip",
                        "Content-Disposition", "attachment; filename=\""
                                + NotebookExport.fileName(content.detail().notebook()) + "\"",
                        "X-Content-Type-Options", "nosniff", "Cache-Control", "private, no-store"),
                out -> NotebookExport.write(content, out));
    }

    public static PageParameters parameters(String classId, String notebookId) {
        return ClassAppPage.forClass(classId).add("notebookId", notebookId);
    }
}
