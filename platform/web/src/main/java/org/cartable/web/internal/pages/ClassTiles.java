package org.cartable.web.internal.pages;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;

import org.apache.wicket.markup.html.WebMarkupContainer;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.link.ExternalLink;
import org.apache.wicket.markup.html.list.ListItem;
import org.apache.wicket.markup.html.list.ListView;
import org.apache.wicket.markup.html.panel.Panel;
import org.apache.wicket.model.IModel;
import org.apache.wicket.model.LoadableDetachableModel;
import org.apache.wicket.model.StringResourceModel;
import org.apache.wicket.request.cycle.RequestCycle;
import org.cartable.api.Caller;
import org.cartable.api.Role;
import org.cartable.api.web.CartableSession;
import org.cartable.api.web.ClassAppPage;
import org.cartable.api.web.VisibleWhen;
import org.cartable.core.service.InstalledApp;
import org.cartable.web.internal.CartableWebApplication;
import org.cartable.web.internal.RequestMemo;

/** The tiles of the apps enabled for one class, each opening the app's home page for that class. */
public class ClassTiles extends Panel {

    private static final long serialVersionUID = 1L;

    /** What a tile shows; the URL is null when the app has no web page (yet). */
    record Tile(String appId, String icon, String name, String url) implements Serializable {
    }

    private final IModel<String> classId;
    private final IModel<String> forChild;
    private final IModel<List<Tile>> tiles;

    /**
     * @param classId  the class whose apps to show
     * @param forChild name of the child the tiles concern (for parents), or a model of null
     */
    public ClassTiles(String id, IModel<String> classId, IModel<String> forChild) {
        super(id);
        this.classId = classId;
        this.forChild = forChild;
        this.tiles = LoadableDetachableModel.of(this::load);

        boolean staff = CartableSession.get().caller()
                .map(caller -> caller.has(Role.TEACHER) || caller.has(Role.DIRECTOR)).orElse(false);
        add(new Label("empty", new StringResourceModel(staff ? "tiles.empty.staff" : "tiles.empty", this))
                .add(VisibleWhen.of(() -> tiles.getObject().isEmpty())));
        WebMarkupContainer list = new WebMarkupContainer("tiles");
        list.add(VisibleWhen.of(() -> !tiles.getObject().isEmpty()));
        add(list);
        list.add(new ListView<>("tile", tiles) {
            private static final long serialVersionUID = 1L;

            @Override
            protected void populateItem(ListItem<Tile> item) {
                Tile tile = item.getModelObject();
                ExternalLink open = new ExternalLink("open", tile.url());
                open.setEnabled(tile.url() != null);
                open.add(new Label("icon", tile.icon()));
                open.add(new Label("name", tile.name()));
                open.add(new Label("forChild", new StringResourceModel("tiles.forChild", ClassTiles.this)
                        .setParameters(forChild.getObject())).setVisible(forChild.getObject() != null));
                open.add(new Label("unavailable", new StringResourceModel("tiles.noPage", ClassTiles.this))
                        .setVisible(tile.url() == null));
                item.add(open);
            }
        });
    }

    private List<Tile> load() {
        Caller caller = CartableSession.get().caller().orElseThrow();
        String id = classId.getObject();
        CartableWebApplication application = CartableWebApplication.get();
        Locale locale = getLocale();
        List<InstalledApp> enabled = enabledApps(caller, id);
        return enabled.stream()
                .map(installed -> new Tile(installed.id(), installed.app().icon(), installed.app().name(locale),
                        application.contributions().homeOf(installed.id())
                                .map(home -> RequestCycle.get()
                                        .urlFor(home.pageClass(), ClassAppPage.forClass(id)).toString())
                                .orElse(null)))
                .toList();
    }

    /** @return the apps of the class open to the caller, asked of the platform once per request and class */
    static List<InstalledApp> enabledApps(Caller caller, String classId) {
        return RequestMemo.get(List.of("enabledApps", caller.userId(), classId), () -> CartableWebApplication.get()
                .services().activationAdmin().enabledApps(caller, classId));
    }

    @Override
    protected void onDetach() {
        tiles.detach();
        classId.detach();
        forChild.detach();
        super.onDetach();
    }
}
