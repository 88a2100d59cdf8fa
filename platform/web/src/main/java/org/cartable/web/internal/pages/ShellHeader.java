package org.cartable.web.internal.pages;

import org.apache.wicket.AttributeModifier;
import org.apache.wicket.Component;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.link.ExternalLink;
import org.apache.wicket.model.IModel;
import org.apache.wicket.util.visit.IVisit;
import org.apache.wicket.model.LoadableDetachableModel;
import org.apache.wicket.model.StringResourceModel;
import org.apache.wicket.markup.html.link.BookmarkablePageLink;
import org.apache.wicket.markup.html.form.StatelessForm;
import org.apache.wicket.markup.html.panel.Panel;
import org.cartable.api.Caller;
import org.cartable.api.web.CartableSession;
import org.cartable.api.web.VisibleWhen;
import org.cartable.core.service.NotificationFeed;
import org.cartable.web.internal.CartableWebApplication;

/** The top bar of every signed-in page: home, who is signed in, child switcher (parents), language, sign-out. */
public final class ShellHeader extends Panel {

    private static final long serialVersionUID = 1L;

    public ShellHeader(String id) {
        super(id);
        add(new BookmarkablePageLink<Void>("home", getApplication().getHomePage()));
        add(new Label("userName", () -> CartableSession.get().caller().map(Caller::displayName).orElse("")));
        add(unreadBadge());
        add(new BookmarkablePageLink<Void>("myData", MyDataPage.class));
        add(new ChildSwitcher("children", true));
        add(new LanguageSwitch("language"));
        // A form, not a link: signing out changes state, so it is a POST that other sites cannot trigger. Stateless,
        // so that it keeps the pages that show it (the dashboard) stateless.
        add(new StatelessForm<Void>("signOut") {
            private static final long serialVersionUID = 1L;

            @Override
            protected void onSubmit() {
                CartableSession session = CartableSession.get();
                session.caller().ifPresent(caller -> CartableWebApplication.get().services().accounts()
                        .recordSignOut(caller, CartableWebApplication.clientAddress()));
                session.signOut();
                setResponsePage(SignInPage.class);
            }
        });
    }

    /** The person's unread notices, linking to the feed on the dashboard; hidden when there are none. */
    private Component unreadBadge() {
        IModel<Integer> unread = LoadableDetachableModel.of(() -> {
            NotificationFeed feed = CartableWebApplication.get().services().feed();
            if (feed == null) {
                return 0;
            }
            // The dashboard's feed already counts them in its own query: no second one.
            FeedPanel onPage = getPage().visitChildren(FeedPanel.class,
                    (FeedPanel panel, IVisit<FeedPanel> visit) -> visit.stop(panel));
            return onPage != null ? onPage.unread()
                    : CartableSession.get().caller().map(feed::unreadCount).orElse(0);
        });
        ExternalLink badge = new ExternalLink("unreadBadge", "/app/#feed");
        badge.add(new Label("count", unread));
        badge.add(AttributeModifier.replace("aria-label", new StringResourceModel("header.unread", this)
                .setParameters(unread)));
        badge.add(VisibleWhen.of(() -> unread.getObject() > 0));
        return badge;
    }
}
