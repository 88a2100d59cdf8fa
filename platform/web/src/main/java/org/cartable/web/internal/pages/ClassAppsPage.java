package org.cartable.web.internal.pages;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.wicket.AttributeModifier;
import org.apache.wicket.RestartResponseException;
import org.apache.wicket.markup.html.WebMarkupContainer;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.form.Button;
import org.apache.wicket.markup.html.form.Form;
import org.apache.wicket.markup.html.link.BookmarkablePageLink;
import org.apache.wicket.markup.html.list.ListItem;
import org.apache.wicket.markup.html.list.ListView;
import org.apache.wicket.markup.html.panel.FeedbackPanel;
import org.apache.wicket.model.IModel;
import org.apache.wicket.model.LoadableDetachableModel;
import org.apache.wicket.model.ResourceModel;
import org.apache.wicket.model.StringResourceModel;
import org.apache.wicket.request.mapper.parameter.PageParameters;
import org.cartable.api.AppScope;
import org.cartable.api.CartableException;
import org.cartable.api.ClassInfo;
import org.cartable.api.ClassRelation;
import org.cartable.api.web.AppBasePage;
import org.cartable.api.web.ClassAppPage;
import org.cartable.api.web.VisibleWhen;
import org.cartable.web.internal.CartableWebApplication;
import org.cartable.web.internal.PlatformServices;

/**
 * The app catalogue of one class: every installed class app, with a one-click on/off switch for the class's
 * teachers and its school's director. Other members see the same list read-only; anyone else gets "not found".
 * The switch goes through {@code ActivationAdmin}, which checks the rights again.
 */
public final class ClassAppsPage extends AppBasePage {

    private static final long serialVersionUID = 1L;

    /** A catalogue line as shown; captured at render so that a click acts on what the user saw. */
    record AppRow(String id, String icon, String name, String description, String version, boolean enabled)
            implements Serializable {
    }

    private final String classId;
    private final IModel<List<AppRow>> rows = LoadableDetachableModel.of(this::load);

    public ClassAppsPage(PageParameters parameters) {
        super(parameters);
        classId = parameters.get(ClassAppPage.CLASS_ID).toOptionalString();
        PlatformServices services = CartableWebApplication.get().services();
        ClassInfo info = classId == null ? null : services.directory().findClass(classId).orElse(null);
        ClassRelation relation = info == null ? null : services.directory().relation(caller(), classId);
        if (info == null || !relation.isMember()) {
            // Same answer for an unknown class and somebody else's class: ids cannot be probed.
            throw new RestartResponseException(AccessDeniedPage.class, AccessDeniedPage.reason("not_found"));
        }
        boolean canManage = relation.isStaff();

        add(new Label("className", info.name()));
        add(new Label("school", info.schoolName()));
        add(new BookmarkablePageLink<Void>("back", getApplication().getHomePage()));
        add(new FeedbackPanel("feedback"));
        add(new WebMarkupContainer("readOnly").setVisible(!canManage));
        add(new WebMarkupContainer("noApp").add(VisibleWhen.of(() -> rows.getObject().isEmpty())));
        add(new ListView<>("app", rows) {
            private static final long serialVersionUID = 1L;

            @Override
            protected void populateItem(ListItem<AppRow> item) {
                AppRow row = item.getModelObject();
                item.add(new Label("icon", row.icon()));
                item.add(new Label("name", row.name()));
                item.add(new Label("description", row.description()));
                item.add(new Label("version", row.version()));
                item.add(new Label("state", new ResourceModel(row.enabled() ? "apps.enabled" : "apps.disabled"))
                        .add(AttributeModifier.append("class", row.enabled() ? "is-on" : "is-off")));
                Form<Void> toggle = new Form<>("toggle");
                toggle.setVisible(canManage);
                Button button = new Button("switch") {
                    private static final long serialVersionUID = 1L;

                    @Override
                    public void onSubmit() {
                        toggle(row);
                    }
                };
                button.add(AttributeModifier.replace("aria-pressed", String.valueOf(row.enabled())));
                button.add(new Label("action", new ResourceModel(row.enabled() ? "apps.disable" : "apps.enable")));
                button.add(new Label("appName", row.name()));
                toggle.add(button);
                item.add(toggle);
            }
        });
    }

    @Override
    protected IModel<String> pageTitle() {
        return new ResourceModel("apps.title");
    }

    private void toggle(AppRow row) {
        PlatformServices services = CartableWebApplication.get().services();
        try {
            if (row.enabled()) {
                services.activationAdmin().disable(caller(), classId, row.id());
                success(new StringResourceModel("apps.disabledMessage", this).setParameters(row.name()).getString());
            } else {
                services.activationAdmin().enable(caller(), classId, row.id());
                success(new StringResourceModel("apps.enabledMessage", this).setParameters(row.name()).getString());
            }
        } catch (CartableException refused) {
            error(getString("apps.refused." + refused.kind().code(), null, getString("apps.refused")));
        }
    }

    private List<AppRow> load() {
        PlatformServices services = CartableWebApplication.get().services();
        Locale locale = getLocale();
        Set<String> enabled = services.appActivation().enabledApps(classId);
        return services.catalog().installed().stream()
                .filter(installed -> installed.app().scope() == AppScope.CLASS)
                .map(installed -> new AppRow(installed.id(), installed.app().icon(), installed.app().name(locale),
                        installed.app().description(locale), installed.version(), enabled.contains(installed.id())))
                .toList();
    }

    @Override
    protected void onDetach() {
        rows.detach();
        super.onDetach();
    }
}
