package org.cartable.homework.internal.web;

import org.apache.wicket.markup.html.WebPage;
import org.cartable.api.web.PageContribution;
import org.cartable.homework.internal.HomeworkApp;
import org.osgi.service.component.annotations.Component;

/** One entry of the diary. */
@Component(service = PageContribution.class)
public final class HomeworkEntryContribution implements PageContribution {

    @Override
    public String appId() {
        return HomeworkApp.ID;
    }

    @Override
    public String path() {
        return HomeworkApp.ID + "/${classId}/entry/${" + HomeworkEntryPage.ENTRY_ID + "}";
    }

    @Override
    public Class<? extends WebPage> pageClass() {
        return HomeworkEntryPage.class;
    }
}
