package org.cartable.liaison.internal.web;

import org.apache.wicket.markup.html.WebPage;
import org.cartable.api.web.PageContribution;
import org.cartable.liaison.internal.LiaisonApp;
import org.osgi.service.component.annotations.Component;

/** One word: the family's view, or the staff's follow-up. */
@Component(service = PageContribution.class)
public final class LiaisonWordContribution implements PageContribution {

    @Override
    public String appId() {
        return LiaisonApp.ID;
    }

    @Override
    public String path() {
        return LiaisonApp.ID + "/${classId}/word/${wordId}";
    }

    @Override
    public Class<? extends WebPage> pageClass() {
        return LiaisonWordPage.class;
    }
}
