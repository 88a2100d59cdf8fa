package org.cartable.blog.internal.web;

import org.apache.wicket.markup.html.WebPage;
import org.cartable.api.web.PageContribution;
import org.cartable.blog.internal.BlogApp;
import org.osgi.service.component.annotations.Component;

/** One post and its comments. */
@Component(service = PageContribution.class)
public final class BlogPostContribution implements PageContribution {

    @Override
    public String appId() {
        return BlogApp.ID;
    }

    @Override
    public String path() {
        return BlogApp.ID + "/${classId}/post/${postId}";
    }

    @Override
    public Class<? extends WebPage> pageClass() {
        return BlogPostPage.class;
    }
}
