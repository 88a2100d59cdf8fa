package org.cartable.web.internal.pages;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.form.CheckBox;
import org.apache.wicket.markup.html.form.DropDownChoice;
import org.apache.wicket.markup.html.form.EnumChoiceRenderer;
import org.apache.wicket.markup.html.form.Form;
import org.apache.wicket.markup.html.form.TextField;
import org.apache.wicket.markup.html.link.BookmarkablePageLink;
import org.apache.wicket.markup.html.list.ListItem;
import org.apache.wicket.markup.html.list.ListView;
import org.apache.wicket.markup.html.panel.FeedbackPanel;
import org.apache.wicket.model.IModel;
import org.apache.wicket.model.LambdaModel;
import org.apache.wicket.model.ResourceModel;
import org.apache.wicket.request.mapper.parameter.PageParameters;
import org.cartable.api.CartableException;
import org.cartable.api.notify.EmailDelivery;
import org.cartable.api.web.AppBasePage;
import org.cartable.api.web.VisibleWhen;
import org.cartable.core.service.NotificationFeed;
import org.cartable.core.service.NotificationFeed.Preferences;
import org.cartable.core.service.NotificationFeed.QuietHours;
import org.cartable.core.service.NotificationFeed.TypeChoice;
import org.cartable.web.internal.CartableWebApplication;

/** The signed-in person's e-mail address, quiet hours and, per notice type, whether it also comes by e-mail. */
public final class NotificationPreferencesPage extends AppBasePage {

    private static final long serialVersionUID = 1L;

    /** The form's state: plain fields, so that a refused submission shows what the person typed. */
    static final class Edit implements Serializable {
        private static final long serialVersionUID = 1L;
        String email;
        boolean quiet;
        String quietFrom = "20:00";
        String quietTo = "07:00";
        final List<Row> rows = new ArrayList<>();
    }

    /** One notice type and the person's choice. */
    static final class Row implements Serializable {
        private static final long serialVersionUID = 1L;
        final String appId;
        final String appName;
        final String type;
        final String label;
        EmailDelivery email;

        Row(TypeChoice choice) {
            this.appId = choice.appId();
            this.appName = choice.appName();
            this.type = choice.type();
            this.label = choice.label();
            this.email = EmailDelivery.valueOf(choice.email());
        }
    }

    public NotificationPreferencesPage(PageParameters parameters) {
        super(parameters);
        Preferences current = feed().preferences(caller(), getLocale());
        Edit edit = new Edit();
        edit.email = current.email();
        if (current.quietHours() != null) {
            edit.quiet = true;
            edit.quietFrom = current.quietHours().from();
            edit.quietTo = current.quietHours().to();
        }
        current.types().forEach(t -> edit.rows.add(new Row(t)));

        add(new BookmarkablePageLink<Void>("back", DashboardPage.class));
        add(new FeedbackPanel("feedback"));
        Form<Void> form = new Form<>("form") {
            private static final long serialVersionUID = 1L;

            @Override
            protected void onSubmit() {
                List<TypeChoice> types = edit.rows.stream()
                        .map(r -> new TypeChoice(r.appId, null, r.type, null, r.email.name())).toList();
                QuietHours quiet = edit.quiet ? new QuietHours(edit.quietFrom, edit.quietTo) : null;
                try {
                    feed().updatePreferences(caller(), new Preferences(edit.email, quiet, types), getLocale());
                    success(getString("prefs.saved"));
                } catch (CartableException refused) {
                    error(getString(refused.getMessage().contains("e-mail address") ? "prefs.badEmail"
                            : "prefs.badTime"));
                }
            }
        };
        add(form);
        form.add(input("email", "email", LambdaModel.of(() -> edit.email, v -> edit.email = v)));
        form.add(new CheckBox("quiet", LambdaModel.of(() -> edit.quiet, v -> edit.quiet = Boolean.TRUE.equals(v))));
        form.add(input("quietFrom", "time", LambdaModel.of(() -> edit.quietFrom, v -> edit.quietFrom = v)));
        form.add(input("quietTo", "time", LambdaModel.of(() -> edit.quietTo, v -> edit.quietTo = v)));
        form.add(new Label("noType", new ResourceModel("prefs.noType")).add(VisibleWhen.of(edit.rows::isEmpty)));
        form.add(new ListView<>("type", edit.rows) {
            private static final long serialVersionUID = 1L;

            @Override
            protected void populateItem(ListItem<Row> item) {
                Row row = item.getModelObject();
                item.add(new Label("app", row.appName));
                item.add(new Label("label", row.label));
                IModel<EmailDelivery> model = LambdaModel.of(() -> row.email, v -> row.email = v);
                DropDownChoice<EmailDelivery> choice = new DropDownChoice<>("email", model,
                        List.of(EmailDelivery.values()), new EnumChoiceRenderer<>(NotificationPreferencesPage.this));
                choice.setNullValid(false).setRequired(true);
                item.add(choice);
            }
        }.setReuseItems(true));
    }

    /** A text field for an HTML5 input type (phones then show the right keyboard or time picker). */
    private static TextField<String> input(String id, String type, IModel<String> model) {
        return new TextField<>(id, model) {
            private static final long serialVersionUID = 1L;

            @Override
            protected String[] getInputTypes() {
                return new String[] {type};
            }
        };
    }

    @Override
    protected IModel<String> pageTitle() {
        return new ResourceModel("prefs.title");
    }

    private static NotificationFeed feed() {
        return CartableWebApplication.get().services().feed();
    }
}
