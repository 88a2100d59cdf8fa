package org.cartable.blog.internal.web;

import org.apache.wicket.markup.html.WebPage;
import org.cartable.api.web.PageContribution;
import org.cartable.blog.internal.BlogApp;
import org.osgi.service.component.annotations.Component;

/** The blog's home page, opened from the class tile. */
@Component(service = PageContribution.class)
public final class BlogHomeContribution implements PageContribution {

    @Override
    public String appId() {
        return BlogApp.ID;
    }

    @Override
    public String path() {
        return BlogApp.ID + "/${classId}";
    }

    @Override
    public Class<? extends WebPage> pageClass() {
        return BlogHomePage.class;
    }

    @Override
    public boolean isHome() {
        return true;
    }
}
