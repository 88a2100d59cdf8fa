package org.cartable.web.internal.pages;

import org.apache.wicket.RestartResponseException;
import org.apache.wicket.request.flow.RedirectToUrlException;
import org.apache.wicket.request.mapper.parameter.PageParameters;
import org.cartable.api.CartableException;
import org.cartable.api.web.AppBasePage;
import org.cartable.core.service.NotificationFeed;
import org.cartable.core.service.NotificationFeed.Entry;
import org.cartable.web.internal.CartableWebApplication;

/**
 * Opens one of the caller's feed items: marks it read and goes where it points (back to the dashboard when its app
 * is gone). Someone else's item id gets the same answer as an unknown one.
 */
public final class FeedOpenPage extends AppBasePage {

    private static final long serialVersionUID = 1L;

    public FeedOpenPage(PageParameters parameters) {
        super(parameters);
        String id = parameters.get("item").toString("");
        NotificationFeed feed = CartableWebApplication.get().services().feed();
        Entry entry;
        try {
            entry = feed.open(caller(), id, getLocale());
        } catch (CartableException notMine) {
            throw new RestartResponseException(DashboardPage.class);
        }
        if (entry.link() == null) {
            throw new RestartResponseException(DashboardPage.class);
        }
        throw new RedirectToUrlException("/app/" + entry.link());
    }
}
