package org.cartable.liaison.internal.web;

import org.apache.wicket.markup.html.WebPage;
import org.cartable.api.web.PageContribution;
import org.cartable.liaison.internal.LiaisonApp;
import org.osgi.service.component.annotations.Component;

/** The printable slips of a word. */
@Component(service = PageContribution.class)
public final class LiaisonSlipsContribution implements PageContribution {

    @Override
    public String appId() {
        return LiaisonApp.ID;
    }

    @Override
    public String path() {
        return LiaisonApp.ID + "/${classId}/word/${wordId}/slips";
    }

    @Override
    public Class<? extends WebPage> pageClass() {
        return LiaisonSlipsPage.class;
    }
}
