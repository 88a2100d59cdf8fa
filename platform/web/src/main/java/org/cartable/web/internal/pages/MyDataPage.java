package org.cartable.web.internal.pages;

import java.time.LocalDate;
import java.time.ZoneOffset;

import org.apache.wicket.markup.html.link.BookmarkablePageLink;
import org.apache.wicket.markup.html.link.ResourceLink;
import org.apache.wicket.request.mapper.parameter.PageParameters;
import org.apache.wicket.request.resource.AbstractResource;
import org.apache.wicket.request.resource.ContentDisposition;
import org.cartable.api.Caller;
import org.cartable.api.web.AppBasePage;
import org.cartable.api.web.CartableSession;
import org.cartable.api.web.VisibleWhen;
import org.cartable.core.service.PersonalDataRights;
import org.cartable.web.internal.CartableWebApplication;

/** "My data": what the platform keeps and the download of all of it as a ZIP (the same as {@code GET /api/me/export}). */
public final class MyDataPage extends AppBasePage {

    private static final long serialVersionUID = 1L;

    public MyDataPage(PageParameters parameters) {
        super(parameters);
        caller(); // signed-in only
        add(new BookmarkablePageLink<Void>("back", DashboardPage.class));
        boolean available = rights() != null;
        add(new ResourceLink<Void>("download", new ExportResource()).add(VisibleWhen.of(() -> available)));
        add(new org.apache.wicket.markup.html.WebMarkupContainer("unavailable").setVisible(!available));
    }

    private static PersonalDataRights rights() {
        return CartableWebApplication.get().services().personalData();
    }

    /** Streams the ZIP of whoever is signed in when the link is followed, not when the page was built. */
    private static final class ExportResource extends AbstractResource {
        private static final long serialVersionUID = 1L;

        @Override
        protected ResourceResponse newResourceResponse(Attributes attributes) {
            Caller caller = CartableSession.get().caller()
                    .orElseThrow(() -> new org.apache.wicket.RestartResponseAtInterceptPageException(
                            SignInPage.class));
            ResourceResponse response = new ResourceResponse();
            response.setContentType("application/zip");
            response.setContentDisposition(ContentDisposition.ATTACHMENT);
            response.setFileName("cartable-" + caller.login().replaceAll("[^A-Za-z0-9._-]", "_") + "-"
                    + LocalDate.now(ZoneOffset.UTC) + ".zip");
            response.disableCaching();
            response.setWriteCallback(new WriteCallback() {
                @Override
                public void writeData(Attributes writing) throws java.io.IOException {
                    rights().export(caller.userId(), writing.getResponse().getOutputStream());
                }
            });
            return response;
        }
    }
}
