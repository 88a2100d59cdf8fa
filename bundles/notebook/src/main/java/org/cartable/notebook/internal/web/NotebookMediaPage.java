package org.cartable.notebook.internal.web;

import org.apache.wicket.markup.html.WebPage;
import org.apache.wicket.request.cycle.RequestCycle;
import org.apache.wicket.request.mapper.parameter.PageParameters;
import org.cartable.api.CartableException;
import org.cartable.api.web.ClassAppPage;
import org.cartable.api.web.Services;
import org.cartable.notebook.internal.MediaFile;
import org.cartable.notebook.internal.NotebookService;
import org.cartable.notebook.internal.media.MediaDelivery;
import org.cartable.notebook.internal.media.MediaStore;

/**
 * {@code /app/notebook/<classId>/media/<notebookId>/<mediaId>}: an uploaded file for the pages' images and players,
 * with byte ranges (206/416) so that audio and video seek. The service checks that the caller may read the notebook.
 */
public class NotebookMediaPage extends WebPage {

    private static final long serialVersionUID = 1L;

    public NotebookMediaPage(PageParameters parameters) {
        super(parameters);
        MediaFile file;
        try {
            file = Services.get(NotebookService.class).media(Downloads.caller(),
                    Downloads.parameter(parameters, ClassAppPage.CLASS_ID),
                    Downloads.parameter(parameters, "notebookId"), Downloads.parameter(parameters, "mediaId"));
        } catch (CartableException refused) {
            throw Downloads.refused(refused);
        }
        RequestCycle cycle = RequestCycle.get();
        boolean download = parameters.get("download").toBoolean(false);
        MediaDelivery delivery = MediaDelivery.of(file, file.info().size(), Downloads.header(cycle, "Range"),
                download);
        throw Downloads.answer(delivery.status(), delivery.headers(), delivery.status() == 416 ? null
                : out -> MediaStore.write(file.path(), delivery.first(), delivery.length(), out));
    }

    /** @return the parameters of a file's address */
    public static PageParameters parameters(String classId, String notebookId, String mediaId) {
        return ClassAppPage.forClass(classId).add("notebookId", notebookId).add("mediaId", mediaId);
    }
}
