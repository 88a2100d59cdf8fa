package org.cartable.web.internal.pages;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

import org.apache.wicket.AttributeModifier;
import org.apache.wicket.markup.html.WebMarkupContainer;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.form.StatelessForm;
import org.apache.wicket.markup.html.link.BookmarkablePageLink;
import org.apache.wicket.markup.html.link.ExternalLink;
import org.apache.wicket.markup.html.list.ListItem;
import org.apache.wicket.markup.html.list.ListView;
import org.apache.wicket.markup.html.panel.Panel;
import org.apache.wicket.model.IModel;
import org.apache.wicket.model.LoadableDetachableModel;
import org.apache.wicket.model.Model;
import org.apache.wicket.model.StringResourceModel;
import org.apache.wicket.request.mapper.parameter.PageParameters;
import org.cartable.api.Caller;
import org.cartable.api.CartableException;
import org.cartable.api.web.CartableSession;
import org.cartable.api.web.VisibleWhen;
import org.cartable.core.service.NotificationFeed;
import org.cartable.core.service.NotificationFeed.Entry;
import org.cartable.core.service.NotificationFeed.Feed;
import org.cartable.web.internal.CartableWebApplication;

/**
 * "Quoi de neuf ?": the newest items of the signed-in person's feed (one query), filtered by app through a page
 * parameter, with the unread counter and mark-as-read buttons. Stateless (its forms name what they act on), so the
 * dashboard is too: it is rendered on every visit and nothing of it is serialised or kept in the session.
 */
public final class FeedPanel extends Panel {

    private static final long serialVersionUID = 1L;

    /** Page parameter of the dashboard carrying the app filter. */
    public static final String APP_PARAMETER = "feed";
    static final int PAGE_SIZE = 30;
    /** The items form's parameter naming the item to mark read (the value of the button pressed). */
    static final String READ_PARAMETER = "read";

    private final String appFilter;
    private final IModel<Feed> feed;

    public FeedPanel(String id, String appFilter) {
        super(id);
        this.appFilter = appFilter;
        this.feed = LoadableDetachableModel.of(() -> service().feed(caller(), appFilter, false, PAGE_SIZE,
                getLocale()));
        setOutputMarkupId(true);
        setMarkupId("feed");

        add(new Label("unread", new StringResourceModel("feed.unread", this)
                .setParameters(feed.map(Feed::unread))).add(VisibleWhen.of(() -> feed.getObject().unread() > 0)));
        add(new BookmarkablePageLink<Void>("preferences", NotificationPreferencesPage.class));
        add(filters());
        StatelessForm<Void> markAll = new StatelessForm<>("markAll") {
            private static final long serialVersionUID = 1L;

            @Override
            protected void onSubmit() {
                service().markAllRead(caller(), appFilter);
                showDashboardAgain();
            }
        };
        markAll.add(VisibleWhen.of(() -> feed.getObject().items().stream().anyMatch(e -> !e.read())));
        add(markAll);
        add(new WebMarkupContainer("empty").add(VisibleWhen.of(() -> feed.getObject().items().isEmpty())));
        // One form for all the items: the button pressed names its item, so a submit does not depend on the list
        // being the same as when it was shown (the page is stateless: nothing of it is kept between requests).
        StatelessForm<Void> itemsForm = new StatelessForm<>("items") {
            private static final long serialVersionUID = 1L;

            @Override
            protected void onSubmit() {
                String itemId = getRequest().getRequestParameters().getParameterValue(READ_PARAMETER)
                        .toOptionalString();
                if (itemId != null) {
                    try {
                        service().markRead(caller(), itemId);
                    } catch (CartableException refused) {
                        // Someone else's item or one removed meanwhile: nothing of the caller's to mark.
                        if (refused.kind() != CartableException.Kind.NOT_FOUND) {
                            throw refused;
                        }
                    }
                }
                showDashboardAgain();
            }
        };
        itemsForm.add(items());
        add(itemsForm);
    }

    /** After a post, the dashboard with the same filter, from its own address (a refresh does not post again). */
    private void showDashboardAgain() {
        setResponsePage(DashboardPage.class, appFilter == null ? new PageParameters()
                : new PageParameters().set(APP_PARAMETER, appFilter));
    }

    private WebMarkupContainer filters() {
        WebMarkupContainer filters = new WebMarkupContainer("filters");
        BookmarkablePageLink<Void> all = new BookmarkablePageLink<>("all", DashboardPage.class);
        if (appFilter == null) {
            all.add(AttributeModifier.replace("aria-current", "true"));
        }
        filters.add(all);
        Caller caller = caller();
        List<AppChoice> apps = CartableWebApplication.get().services().catalog().installed().stream()
                .filter(app -> app.app().roles() != null
                        && caller.roles().stream().anyMatch(app.app().roles()::contains)
                        && app.app().noticeTypes() != null && !app.app().noticeTypes().isEmpty())
                .map(app -> new AppChoice(app.id(), app.app().icon(), app.app().name(getLocale())))
                .toList();
        filters.add(new ListView<>("app", apps) {
            private static final long serialVersionUID = 1L;

            @Override
            protected void populateItem(ListItem<AppChoice> item) {
                AppChoice app = item.getModelObject();
                BookmarkablePageLink<Void> link = new BookmarkablePageLink<>("link", DashboardPage.class,
                        new PageParameters().set(APP_PARAMETER, app.id()));
                if (app.id().equals(appFilter)) {
                    link.add(AttributeModifier.replace("aria-current", "true"));
                }
                link.add(new Label("icon", app.icon()));
                link.add(new Label("name", app.name()));
                item.add(link);
            }
        });
        filters.setVisible(!apps.isEmpty());
        return filters;
    }

    private ListView<Entry> items() {
        return new ListView<>("item", feed.map(Feed::items)) {
            private static final long serialVersionUID = 1L;

            @Override
            protected void populateItem(ListItem<Entry> item) {
                Entry entry = item.getModelObject();
                DateTimeFormatter time = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
                        .withLocale(getLocale()).withZone(ZoneId.systemDefault());
                item.add(AttributeModifier.append("class", entry.read() ? "feed-read" : "feed-unread"));
                item.add(new Label("icon", entry.appIcon() == null ? "🔔" : entry.appIcon()));
                item.add(new Label("app", entry.appName() != null ? Model.of(entry.appName())
                        : new StringResourceModel("feed.appGone", this)));
                item.add(new Label("child", new StringResourceModel("feed.forChild", this)
                        .setParameters(entry.childName())).setVisible(entry.childName() != null));
                item.add(new Label("unreadMark", new StringResourceModel("feed.unreadMark", this))
                        .setVisible(!entry.read()));
                item.add(new Label("text", entry.text()));
                item.add(new Label("time", time.format(entry.createdAt()))
                        .add(AttributeModifier.replace("datetime", entry.createdAt().toString())));
                item.add(new ExternalLink("open", "/app/notifications/open/" + entry.id())
                        .setVisible(entry.link() != null));
                item.add(new WebMarkupContainer("markRead")
                        .add(AttributeModifier.replace("name", READ_PARAMETER))
                        .add(AttributeModifier.replace("value", entry.id()))
                        .setVisible(!entry.read()));
            }
        };
    }

    /** @return the person's unread items, all apps together, from this panel's own query */
    int unread() {
        return feed.getObject().unread();
    }

    @Override
    protected void onDetach() {
        feed.detach();
        super.onDetach();
    }

    private static NotificationFeed service() {
        return CartableWebApplication.get().services().feed();
    }

    private static Caller caller() {
        return CartableSession.get().caller().orElseThrow();
    }

    /** An app offered in the filter. */
    record AppChoice(String id, String icon, String name) implements java.io.Serializable {
    }
}
