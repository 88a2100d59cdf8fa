package org.cartable.web.internal.pages;

import java.io.Serializable;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.apache.wicket.AttributeModifier;
import org.apache.wicket.markup.html.WebMarkupContainer;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.link.BookmarkablePageLink;
import org.apache.wicket.markup.html.link.ExternalLink;
import org.apache.wicket.markup.html.list.ListItem;
import org.apache.wicket.markup.html.list.ListView;
import org.apache.wicket.model.IModel;
import org.apache.wicket.model.LoadableDetachableModel;
import org.apache.wicket.model.Model;
import org.apache.wicket.model.ResourceModel;
import org.apache.wicket.model.StringResourceModel;
import org.apache.wicket.request.cycle.RequestCycle;
import org.apache.wicket.request.mapper.parameter.PageParameters;
import org.cartable.api.AppScope;
import org.cartable.api.Caller;
import org.cartable.api.ChildInfo;
import org.cartable.api.ClassInfo;
import org.cartable.api.ClassRelation;
import org.cartable.api.Directory;
import org.cartable.api.Role;
import org.cartable.api.web.AppBasePage;
import org.cartable.api.web.CartableSession;
import org.cartable.api.web.ClassAppPage;
import org.cartable.api.web.VisibleWhen;
import org.cartable.core.service.InstalledApp;
import org.cartable.web.internal.CartableWebApplication;
import org.cartable.web.internal.RequestMemo;

/**
 * Home page: what the signed-in person can open, by role. Staff see their classes (with a link to manage each
 * class's apps), pupils their class, parents the class of the selected child, operators the installed apps.
 */
public final class DashboardPage extends AppBasePage {

    private static final long serialVersionUID = 1L;

    private final IModel<List<ClassInfo>> staffClasses = LoadableDetachableModel.of(() -> classes(true));
    private final IModel<List<ClassInfo>> pupilClasses = LoadableDetachableModel.of(() -> classes(false));
    private final IModel<List<ChildInfo>> children = LoadableDetachableModel.of(ChildSwitcher::childrenOfCaller);
    private final IModel<ChildInfo> selectedChild =
            LoadableDetachableModel.of(() -> ChildSwitcher.selected(children.getObject()).orElse(null));

    public DashboardPage(PageParameters parameters) {
        super(parameters);
        ChildSwitcher.choose(parameters.get(ChildSwitcher.CHILD_PARAMETER).toOptionalString());
        Caller caller = caller();
        boolean staff = caller.has(Role.TEACHER) || caller.has(Role.DIRECTOR);
        boolean parent = caller.has(Role.PARENT);
        boolean pupil = caller.has(Role.PUPIL);
        boolean operator = caller.has(Role.OPERATOR) || caller.has(Role.PLATFORM_ADMIN)
                || caller.has(Role.COLLECTIVITY_ADMIN);

        add(new Label("welcome", new StringResourceModel("dashboard.welcome", this)
                .setParameters(caller.displayName())));

        String feedApp = parameters.get(FeedPanel.APP_PARAMETER).toOptionalString();
        add(CartableWebApplication.get().services().feed() == null
                ? new WebMarkupContainer("feed").setVisible(false)
                : new FeedPanel("feed", feedApp == null || feedApp.isBlank() ? null : feedApp));

        add(staffSection(staff));
        add(pupilSection(pupil));
        add(parentSection(parent));
        add(toolsSection(caller));
        add(operatorSection(operator));
        add(new WebMarkupContainer("nothing").setVisible(!(staff || parent || pupil || operator)));
    }

    @Override
    protected IModel<String> pageTitle() {
        return new ResourceModel("dashboard.title");
    }

    /** The card of one class: its name, school and app tiles. */
    private static ClassInfo populateClassCard(ListItem<ClassInfo> item) {
        ClassInfo info = item.getModelObject();
        item.add(new Label("name", info.name()));
        item.add(new Label("school", info.schoolName()));
        item.add(new ClassTiles("tiles", Model.of(info.id()), Model.of((String) null)));
        return info;
    }

    private WebMarkupContainer staffSection(boolean visible) {
        WebMarkupContainer section = new WebMarkupContainer("staff");
        section.setVisible(visible);
        section.add(new WebMarkupContainer("noClass").add(VisibleWhen.of(() -> staffClasses.getObject().isEmpty())));
        section.add(new ListView<>("class", staffClasses) {
            private static final long serialVersionUID = 1L;

            @Override
            protected void populateItem(ListItem<ClassInfo> item) {
                ClassInfo info = populateClassCard(item);
                item.add(new BookmarkablePageLink<Void>("manage", ClassAppsPage.class,
                        ClassAppPage.forClass(info.id())));
            }
        });
        return section;
    }

    private WebMarkupContainer pupilSection(boolean visible) {
        WebMarkupContainer section = new WebMarkupContainer("pupil");
        section.setVisible(visible);
        section.add(new ListView<>("class", pupilClasses) {
            private static final long serialVersionUID = 1L;

            @Override
            protected void populateItem(ListItem<ClassInfo> item) {
                populateClassCard(item);
            }
        });
        return section;
    }

    private WebMarkupContainer parentSection(boolean visible) {
        WebMarkupContainer section = new WebMarkupContainer("parent");
        section.setVisible(visible);
        section.add(new WebMarkupContainer("noChild").add(VisibleWhen.of(() -> selectedChild.getObject() == null)));
        WebMarkupContainer child = new WebMarkupContainer("child");
        child.add(VisibleWhen.of(() -> selectedChild.getObject() != null));
        section.add(child);
        child.add(new ChildSwitcher("switcher", false));
        IModel<String> childName = selectedChild.map(c -> c.child().displayName());
        IModel<ClassInfo> childClass = selectedChild.map(ChildInfo::currentClass);
        child.add(new Label("childName", childName));
        child.add(new Label("className", childClass.map(ClassInfo::name)));
        child.add(new Label("school", childClass.map(ClassInfo::schoolName)));
        child.add(new Label("notEnrolled", new ResourceModel("dashboard.notEnrolled"))
                .add(VisibleWhen.of(() -> childClass.getObject() == null)));
        child.add(new ClassTiles("tiles", childClass.map(ClassInfo::id), childName)
                .add(VisibleWhen.of(() -> childClass.getObject() != null)));
        return section;
    }

    /** Tiles of the school and operator apps ("tools") open to one of the caller's roles. */
    private WebMarkupContainer toolsSection(Caller caller) {
        WebMarkupContainer section = new WebMarkupContainer("tools");
        Locale locale = getLocale();
        CartableWebApplication application = CartableWebApplication.get();
        List<ClassTiles.Tile> tools = application.services().catalog().installed().stream()
                .filter(installed -> installed.app().scope() != AppScope.CLASS)
                .filter(installed -> !Collections.disjoint(installed.app().roles(), caller.roles()))
                .flatMap(installed -> application.contributions().homeOf(installed.id()).stream()
                        .map(home -> new ClassTiles.Tile(installed.id(), installed.app().icon(),
                                installed.app().name(locale),
                                RequestCycle.get().urlFor(home.pageClass(), new PageParameters()).toString())))
                .toList();
        section.setVisible(!tools.isEmpty());
        section.add(new ListView<>("tile", tools) {
            private static final long serialVersionUID = 1L;

            @Override
            protected void populateItem(ListItem<ClassTiles.Tile> item) {
                ClassTiles.Tile tile = item.getModelObject();
                ExternalLink open = new ExternalLink("open", tile.url());
                open.add(new Label("icon", tile.icon()));
                open.add(new Label("name", tile.name()));
                item.add(open);
            }
        });
        return section;
    }

    private WebMarkupContainer operatorSection(boolean visible) {
        WebMarkupContainer section = new WebMarkupContainer("operator");
        section.setVisible(visible);
        section.add(new BookmarkablePageLink<Void>("audit", AuditPage.class));
        IModel<List<AppRow>> installed = LoadableDetachableModel.of(() -> CartableWebApplication.get().services()
                .catalog().withStatus().stream().map(app -> AppRow.of(app, getLocale())).toList());
        section.add(new ListView<>("app", installed) {
            private static final long serialVersionUID = 1L;

            @Override
            protected void populateItem(ListItem<AppRow> item) {
                AppRow app = item.getModelObject();
                item.add(new Label("icon", app.icon()));
                item.add(new Label("name", app.name()));
                item.add(new Label("version", app.version()));
                item.add(new Label("scope", new ResourceModel("scope." + app.scope())));
                // Operators see at once which app is broken and why (the log has the stack trace).
                item.add(new Label("status", new ResourceModel("apps.status." + app.status()))
                        .add(AttributeModifier.append("class", "app-status-" + app.status().toLowerCase(Locale.ROOT))));
                item.add(new Label("problem", app.problem()).setVisible(app.problem() != null));
            }
        });
        // Evaluated at render only: for everyone but operators the section is hidden, and the apps' health is not free.
        section.add(new WebMarkupContainer("noApp").add(VisibleWhen.of(() -> installed.getObject().isEmpty())));
        return section;
    }

    /** @return classes the caller teaches/directs ({@code staff}) or attends (otherwise) */
    private static List<ClassInfo> classes(boolean staff) {
        Caller caller = CartableSession.get().caller().orElseThrow();
        Directory directory = CartableWebApplication.get().services().directory();
        // Staff who also attend a class (or the reverse) would otherwise ask twice, once per section.
        List<ClassInfo> all = RequestMemo.get(List.of("classesOf", caller.userId()), () -> directory.classesOf(caller));
        return all.stream().filter(c -> {
            ClassRelation relation = RequestMemo.get(List.of("relation", caller.userId(), c.id()),
                    () -> directory.relation(caller, c.id()));
            return staff ? relation.isStaff() : relation.pupil();
        }).toList();
    }

    @Override
    protected void onDetach() {
        staffClasses.detach();
        pupilClasses.detach();
        children.detach();
        selectedChild.detach();
        super.onDetach();
    }

    /** An installed app as the operator's list shows it. */
    record AppRow(String id, String icon, String name, String version, String scope, String status, String problem)
            implements Serializable {
        static AppRow of(InstalledApp installed, Locale locale) {
            return new AppRow(installed.id(), installed.app().icon(), installed.app().name(locale), installed.version(),
                    installed.app().scope().name(), installed.status().name(), installed.problem());
        }
    }
}
