package org.cartable.api.web;

import org.apache.wicket.markup.html.WebPage;
import org.osgi.annotation.versioning.ConsumerType;

/** A page an app adds to the web UI, as long as this service is registered. */
@ConsumerType
public interface PageContribution {

    /** @return id of the contributing app ({@code CartableApp#id()}) */
    String appId();

    /**
     * @return mount path below {@code /app/}, unique to the app, with named segments for parameters, e.g.
     *         {@code "blog/${classId}"} or {@code "blog/${classId}/post/${postId}"}
     */
    String path();

    /** @return the page class, from the contributing bundle */
    Class<? extends WebPage> pageClass();

    /** @return whether a class tile opens this page (it then receives the {@code classId} parameter) */
    default boolean isHome() {
        return false;
    }
}
