package org.cartable.fleet.internal.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.wicket.AttributeModifier;
import org.apache.wicket.markup.html.WebMarkupContainer;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.form.Button;
import org.apache.wicket.markup.html.form.Check;
import org.apache.wicket.markup.html.form.CheckGroup;
import org.apache.wicket.markup.html.form.ChoiceRenderer;
import org.apache.wicket.markup.html.form.DropDownChoice;
import org.apache.wicket.markup.html.form.Form;
import org.apache.wicket.markup.html.form.TextField;
import org.apache.wicket.markup.html.link.BookmarkablePageLink;
import org.apache.wicket.markup.html.link.Link;
import org.apache.wicket.markup.html.list.ListItem;
import org.apache.wicket.markup.html.list.ListView;
import org.apache.wicket.model.IModel;
import org.apache.wicket.model.LambdaModel;
import org.apache.wicket.model.LoadableDetachableModel;
import org.apache.wicket.model.Model;
import org.apache.wicket.model.StringResourceModel;
import org.apache.wicket.request.handler.resource.ResourceStreamRequestHandler;
import org.apache.wicket.request.mapper.parameter.PageParameters;
import org.apache.wicket.util.resource.StringResourceStream;
import org.cartable.api.territory.SchoolInfo;
import org.cartable.api.web.VisibleWhen;
import org.cartable.fleet.internal.Device;
import org.cartable.fleet.internal.DeviceFilter;
import org.cartable.fleet.internal.DeviceKind;
import org.cartable.fleet.internal.DeviceState;

/**
 * The fleet: the devices of the caller's schools with filters; for managers, a bulk state change on the selected
 * devices (all or nothing) and labels to print. Opened by the dashboard's tool tile.
 */
public class FleetHomePage extends FleetBasePage {

    private static final long serialVersionUID = 1L;

    private String schoolId;
    private DeviceState state;
    private DeviceKind kind;
    private String text;
    private final List<String> selected = new ArrayList<>();
    private DeviceState bulkState;
    private String bulkNote;

    public FleetHomePage(PageParameters parameters) {
        super(parameters);
        schoolId = parameters.get("school").toOptionalString();
        IModel<List<Device>> devices = LoadableDetachableModel.of(() -> load(() -> fleet().devices(caller(),
                new DeviceFilter(schoolId, null, state, kind, text))));
        add(new Label("count", new StringResourceModel("deviceCount", this).setParameters(
                devices.map(List::size))));
        add(filters());
        add(bulk(devices));
    }

    private Form<Void> filters() {
        Form<Void> form = new Form<>("filters");
        List<SchoolInfo> schools = load(() -> fleet().schools(caller()));
        Map<String, String> names = schools.stream().collect(Collectors.toMap(SchoolInfo::id, SchoolInfo::name));
        DropDownChoice<String> school = new DropDownChoice<>("school", LambdaModel.of(() -> schoolId,
                v -> schoolId = v), schools.stream().map(SchoolInfo::id).toList(),
                new ChoiceRenderer<>() {
                    @Override
                    public Object getDisplayValue(String id) {
                        return names.get(id);
                    }

                    @Override
                    public String getIdValue(String id, int index) {
                        return Integer.toString(index);
                    }
                });
        school.setNullValid(true);
        form.add(school);
        form.add(Choices.of(this, "state", LambdaModel.of(() -> state, v -> state = v), DeviceState.values(), "state")
                .setNullValid(true));
        form.add(Choices.of(this, "kind", LambdaModel.of(() -> kind, v -> kind = v), DeviceKind.values(), "kind")
                .setNullValid(true));
        form.add(new TextField<>("text", LambdaModel.of(() -> text, v -> text = v)));
        form.add(new Button("apply"));
        form.add(new BookmarkablePageLink<Void>("newDevice", DevicePage.class).setVisible(viewer().manager()));
        form.add(new Link<Void>("export") {
            private static final long serialVersionUID = 1L;

            @Override
            public void onClick() {
                String csv = load(() -> export().export(caller(), new DeviceFilter(schoolId, null, null, null,
                        null)));
                getRequestCycle().scheduleRequestHandlerAfterCurrent(new ResourceStreamRequestHandler(
                        new StringResourceStream("\uFEFF" + csv, "text/csv; charset=UTF-8"))
                        .setFileName("cartable-fleet-glpi.csv"));
            }
        }.setVisible(viewer().inventories()));
        return form;
    }

    private Form<Void> bulk(IModel<List<Device>> devices) {
        Form<Void> form = new Form<>("bulk");
        boolean manager = viewer().manager();
        CheckGroup<String> group = new CheckGroup<>("group", selected);
        form.add(group);
        group.add(new WebMarkupContainer("empty").add(VisibleWhen.of(() -> devices.getObject().isEmpty())));
        WebMarkupContainer table = new WebMarkupContainer("table");
        table.add(VisibleWhen.of(() -> !devices.getObject().isEmpty()));
        group.add(table);
        table.add(new WebMarkupContainer("selectHeader").setVisible(manager));
        table.add(new ListView<>("device", devices) {
            private static final long serialVersionUID = 1L;

            @Override
            protected void populateItem(ListItem<Device> item) {
                Device device = item.getModelObject();
                item.add(AttributeModifier.replace("data-tag", device.tag()));
                WebMarkupContainer cell = new WebMarkupContainer("selectCell");
                cell.setVisible(manager);
                cell.add(new Check<>("check", Model.of(device.id()), group)
                        .add(AttributeModifier.replace("aria-label", device.tag())));
                item.add(cell);
                item.add(new BookmarkablePageLink<Void>("link", DevicePage.class,
                        DevicePage.forDevice(device.id())).setBody(Model.of(device.tag())));
                item.add(new Label("kind", text("kind", device.kind())));
                item.add(new Label("model", device.model()));
                item.add(new Label("school", device.schoolName()));
                item.add(new Label("assignment", device.assignedLabel()));
                item.add(new Label("state", text("state", device.state())));
                item.add(new Label("warranty", format(device.warrantyExpiry())));
            }
        });

        WebMarkupContainer action = new WebMarkupContainer("bulkAction");
        action.setVisible(manager);
        form.add(action);
        action.add(new Button("selectAll") {
            private static final long serialVersionUID = 1L;

            @Override
            public void onSubmit() {
                selected.clear();
                devices.getObject().forEach(d -> selected.add(d.id()));
            }
        }.setDefaultFormProcessing(false));
        action.add(new Button("selectNone") {
            private static final long serialVersionUID = 1L;

            @Override
            public void onSubmit() {
                selected.clear();
            }
        }.setDefaultFormProcessing(false));
        action.add(Choices.of(this, "bulkState", LambdaModel.of(() -> bulkState, v -> bulkState = v),
                DeviceState.values(), "state"));
        action.add(new TextField<>("bulkNote", LambdaModel.of(() -> bulkNote, v -> bulkNote = v)));
        action.add(new Button("applyState") {
            private static final long serialVersionUID = 1L;

            @Override
            public void onSubmit() {
                applyState(devices.getObject());
            }
        });
        action.add(new Button("printLabels") {
            private static final long serialVersionUID = 1L;

            @Override
            public void onSubmit() {
                if (selected.isEmpty()) {
                    error(getString("bulk.noneSelected"));
                    return;
                }
                setResponsePage(LabelsPage.class, new PageParameters().add("ids", String.join(",", selected)));
            }
        });
        return form;
    }

    private void applyState(List<Device> shown) {
        if (selected.isEmpty()) {
            error(getString("bulk.noneSelected"));
            return;
        }
        if (bulkState == null) {
            error(getString("bulk.noState"));
            return;
        }
        DeviceState target = bulkState;
        // Say which devices block the change, in the page's language; the service checks again and decides.
        List<String> blocking = shown.stream().filter(d -> selected.contains(d.id()))
                .filter(d -> !d.state().canGo(d.kind(), target))
                .map(d -> d.tag() + " (" + text("state", d.state()) + ")").toList();
        if (!blocking.isEmpty()) {
            error(new StringResourceModel("bulk.refused", this).setParameters(blocking.size(), selected.size(),
                    text("state", target), String.join(", ", blocking)).getString());
            return;
        }
        List<String> ids = List.copyOf(selected);
        String note = bulkNote;
        if (act(() -> fleet().changeState(caller(), ids, target, note))) {
            success(new StringResourceModel("bulk.done", this).setParameters(ids.size(), text("state", target))
                    .getString());
            selected.clear();
            bulkNote = null;
        }
    }
}
