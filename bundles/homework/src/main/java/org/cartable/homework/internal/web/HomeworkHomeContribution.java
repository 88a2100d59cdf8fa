package org.cartable.homework.internal.web;

import org.apache.wicket.markup.html.WebPage;
import org.cartable.api.web.PageContribution;
import org.cartable.homework.internal.HomeworkApp;
import org.osgi.service.component.annotations.Component;

/** The diary's home page (the week), opened from the class tile. */
@Component(service = PageContribution.class)
public final class HomeworkHomeContribution implements PageContribution {

    @Override
    public String appId() {
        return HomeworkApp.ID;
    }

    @Override
    public String path() {
        return HomeworkApp.ID + "/${classId}";
    }

    @Override
    public Class<? extends WebPage> pageClass() {
        return HomeworkPage.class;
    }

    @Override
    public boolean isHome() {
        return true;
    }
}
