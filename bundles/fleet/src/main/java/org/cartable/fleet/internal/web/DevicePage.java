package org.cartable.fleet.internal.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.wicket.markup.html.WebMarkupContainer;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.form.Button;
import org.apache.wicket.markup.html.form.ChoiceRenderer;
import org.apache.wicket.markup.html.form.DropDownChoice;
import org.apache.wicket.markup.html.form.NumberTextField;
import org.apache.wicket.markup.html.form.Form;
import org.apache.wicket.markup.html.form.TextArea;
import org.apache.wicket.markup.html.form.TextField;
import org.apache.wicket.markup.html.form.upload.FileUpload;
import org.apache.wicket.markup.html.form.upload.FileUploadField;
import org.apache.wicket.markup.html.link.BookmarkablePageLink;
import org.apache.wicket.markup.html.list.ListItem;
import org.apache.wicket.markup.html.list.ListView;
import org.apache.wicket.model.IModel;
import org.apache.wicket.model.LambdaModel;
import org.apache.wicket.model.LoadableDetachableModel;
import org.apache.wicket.model.Model;
import org.apache.wicket.request.mapper.parameter.PageParameters;
import org.apache.wicket.util.lang.Bytes;
import org.cartable.api.territory.SchoolInfo;
import org.cartable.api.web.VisibleWhen;
import org.cartable.fleet.internal.AssignmentType;
import org.cartable.fleet.internal.Device;
import org.cartable.fleet.internal.DeviceDetail;
import org.cartable.fleet.internal.DeviceInput;
import org.cartable.fleet.internal.DeviceKind;
import org.cartable.fleet.internal.DeviceState;
import org.cartable.fleet.internal.Financial;
import org.cartable.fleet.internal.Ticket;
import org.cartable.fleet.internal.TicketService;

/**
 * A device ({@code ?id=}): record, computed values, history, contents and tickets; for managers the state change and
 * the edit form; for everyone who sees it, a form to open a ticket with an optional photo. Without an id, managers
 * create a device.
 */
public class DevicePage extends FleetBasePage {

    private static final long serialVersionUID = 1L;
    static final String ID = "id";

    private final String deviceId;
    private final IModel<DeviceDetail> detail;
    private DeviceState target;
    private String stateNote;
    private String problem;

    public DevicePage(PageParameters parameters) {
        super(parameters);
        deviceId = parameters.get(ID).toOptionalString();
        detail = LoadableDetachableModel.of(() -> deviceId == null ? null
                : load(() -> fleet().device(caller(), deviceId)));
        if (deviceId != null) {
            detail.getObject();
        }
        add(createForm().setVisible(deviceId == null && viewer().manager()));
        WebMarkupContainer content = new WebMarkupContainer("detail");
        content.setVisible(deviceId != null);
        add(content);
        if (deviceId != null) {
            populate(content);
        }
    }

    public static PageParameters forDevice(String deviceId) {
        return new PageParameters().add(ID, deviceId);
    }

    private Device device() {
        return detail.getObject().device();
    }

    private Form<Void> createForm() {
        Form<Void> form = new Form<>("create");
        IModel<DeviceKind> kind = Model.of(DeviceKind.TABLET);
        IModel<String> school = Model.of();
        IModel<String> model = Model.of();
        IModel<String> serial = Model.of();
        form.add(Choices.of(this, "newKind", kind, DeviceKind.values(), "kind")
                .setRequired(true));
        List<SchoolInfo> schools = load(() -> fleet().schools(caller()));
        Map<String, String> names = schools.stream().collect(Collectors.toMap(SchoolInfo::id, SchoolInfo::name));
        form.add(new DropDownChoice<>("newSchool", school, schools.stream().map(SchoolInfo::id).toList(),
                new ChoiceRenderer<String>() {
                    @Override
                    public Object getDisplayValue(String id) {
                        return names.get(id);
                    }
                }).setRequired(true));
        form.add(new TextField<>("newModel", model));
        form.add(new TextField<>("newSerial", serial));
        form.add(new Button("createButton") {
            private static final long serialVersionUID = 1L;

            @Override
            public void onSubmit() {
                Device[] created = new Device[1];
                if (act(() -> created[0] = fleet().create(caller(), new DeviceInput(kind.getObject(),
                        school.getObject(), model.getObject(), serial.getObject(), Map.of(), null, null, null,
                        null)))) {
                    setResponsePage(DevicePage.class, forDevice(created[0].id()));
                }
            }
        });
        return form;
    }

    private void populate(WebMarkupContainer c) {
        Device d = device();
        boolean manager = detail.getObject().mayEdit();
        c.add(new Label("tag", d.tag()));
        c.add(new Label("kind", text("kind", d.kind())));
        c.add(new Label("state", detail.map(x -> text("state", x.device().state()))));
        c.add(new Label("school", d.schoolName()));
        c.add(new BookmarkablePageLink<Void>("label", LabelsPage.class, new PageParameters().add("ids", d.id()))
                .setVisible(manager));

        Form<Void> stateForm = new Form<>("stateForm");
        stateForm.setVisible(manager && !d.next().isEmpty());
        List<DeviceState> next = Arrays.stream(DeviceState.values()).filter(d.next()::contains).toList();
        stateForm.add(Choices.of(this, "target",
                LambdaModel.of(() -> target, v -> target = v), next.toArray(new DeviceState[0]), "state")
                .setRequired(true));
        stateForm.add(new TextField<>("stateNote", LambdaModel.of(() -> stateNote, v -> stateNote = v)));
        stateForm.add(new Button("change") {
            private static final long serialVersionUID = 1L;

            @Override
            public void onSubmit() {
                DeviceState to = target;
                String note = stateNote;
                if (act(() -> fleet().changeState(caller(), List.of(deviceId), to, note))) {
                    setResponsePage(DevicePage.class, forDevice(deviceId));
                }
            }
        });
        c.add(stateForm);

        Financial f = d.financial();
        c.add(new Label("model", d.model()));
        c.add(new Label("serial", d.serial()));
        c.add(new Label("assignment", text("assignment", d.assignmentType()) + (d.assignmentType()
                == AssignmentType.SCHOOL ? "" : " · " + d.assignedLabel())));
        c.add(new ListView<>("attribute", List.copyOf(d.attributes().entrySet())) {
            private static final long serialVersionUID = 1L;

            @Override
            protected void populateItem(ListItem<Map.Entry<String, String>> item) {
                item.add(new Label("name", getString("attr." + item.getModelObject().getKey())));
                item.add(new Label("value", item.getModelObject().getValue()));
            }
        });
        c.add(new Label("supplier", f.supplier()));
        c.add(new Label("orderNumber", f.orderNumber()));
        c.add(new Label("deliveryNumber", f.deliveryNumber()));
        c.add(new Label("invoiceNumber", f.invoiceNumber()));
        c.add(new Label("assetNumber", f.assetNumber()));
        c.add(new Label("funding", f.funding()));
        c.add(new Label("purchaseDate", format(f.purchaseDate())));
        c.add(new Label("startOfUseDate", format(f.startOfUseDate())));
        c.add(new Label("value", euros(f.value())));
        c.add(new Label("warrantyExpiry", format(d.warrantyExpiry())));
        c.add(new Label("depreciation", f.depreciationYears() == null ? ""
                : getString("depreciationLinear").replace("{0}", f.depreciationYears().toString())
                .replace("{1}", euros(f.annualDepreciation()))));
        c.add(new Label("netBookValue", euros(d.netBookValue())));
        c.add(new Label("lastInventoryOn", format(d.milestones().lastInventoryOn())));
        c.add(new Label("decommissionedOn", format(d.milestones().decommissionedOn())));

        c.add(editForm(d).setVisible(manager));

        c.add(new ListView<>("change", detail.getObject().history()) {
            private static final long serialVersionUID = 1L;

            @Override
            protected void populateItem(ListItem<DeviceDetail.StateChange> item) {
                DeviceDetail.StateChange change = item.getModelObject();
                item.add(new Label("at", format(change.at())));
                item.add(new Label("to", text("state", change.to())));
                item.add(new Label("author", change.authorName()));
                item.add(new Label("note", change.note()));
            }
        });
        WebMarkupContainer contents = new WebMarkupContainer("contents");
        contents.setVisible(!detail.getObject().contents().isEmpty());
        contents.add(new ListView<>("device", detail.getObject().contents()) {
            private static final long serialVersionUID = 1L;

            @Override
            protected void populateItem(ListItem<Device> item) {
                item.add(new BookmarkablePageLink<Void>("link", DevicePage.class,
                        forDevice(item.getModelObject().id())).setBody(Model.of(item.getModelObject().tag())));
                item.add(new Label("state", text("state", item.getModelObject().state())));
            }
        });
        c.add(contents);
        c.add(new ListView<>("ticket", detail.getObject().tickets()) {
            private static final long serialVersionUID = 1L;

            @Override
            protected void populateItem(ListItem<Ticket> item) {
                Ticket t = item.getModelObject();
                item.add(new BookmarkablePageLink<Void>("link", TicketPage.class, TicketPage.forTicket(t.id()))
                        .setBody(Model.of(t.problem())));
                item.add(new Label("status", text("status", t.status())));
            }
        });
        c.add(ticketForm().setVisible(d.state() != DeviceState.RETIRED));
    }

    private Form<Void> editForm(Device d) {
        Form<Void> form = new Form<>("edit");
        Financial f = d.financial();
        IModel<String> model = Model.of(d.model());
        IModel<String> serial = Model.of(d.serial());
        Map<String, String> attributes = new HashMap<>(d.attributes());
        IModel<AssignmentType> type = Model.of(d.assignmentType());
        IModel<String> assignedTo = Model.of(d.assignedTo());
        IModel<String> supplier = Model.of(f.supplier());
        IModel<String> order = Model.of(f.orderNumber());
        IModel<String> delivery = Model.of(f.deliveryNumber());
        IModel<String> invoice = Model.of(f.invoiceNumber());
        IModel<String> asset = Model.of(f.assetNumber());
        IModel<String> funding = Model.of(f.funding());
        IModel<LocalDate> purchase = Model.of(f.purchaseDate());
        IModel<LocalDate> startOfUse = Model.of(f.startOfUseDate());
        IModel<BigDecimal> value = Model.of(f.value());
        IModel<Integer> warranty = Model.of(f.warrantyMonths());
        IModel<Integer> years = Model.of(f.depreciationYears());
        form.add(new TextField<>("model", model));
        form.add(new TextField<>("serial", serial));
        form.add(new ListView<>("attribute", d.kind().attributes()) {
            private static final long serialVersionUID = 1L;

            @Override
            protected void populateItem(ListItem<DeviceKind.AttributeSpec> item) {
                String name = item.getModelObject().name();
                item.add(new Label("name", getString("attr." + name)));
                item.add(new TextField<>("value", LambdaModel.of(() -> attributes.get(name),
                        v -> attributes.put(name, v)), String.class));
            }
        });
        form.add(Choices.of(this, "assignmentType", type, AssignmentType.values(),
                "assignment").setRequired(true));
        form.add(new TextField<>("assignedTo", assignedTo));
        form.add(new TextField<>("supplier", supplier));
        form.add(new TextField<>("orderNumber", order));
        form.add(new TextField<>("deliveryNumber", delivery));
        form.add(new TextField<>("invoiceNumber", invoice));
        form.add(new TextField<>("assetNumber", asset));
        form.add(new TextField<>("funding", funding));
        form.add(new DateField("purchaseDate", purchase));
        form.add(new DateField("startOfUseDate", startOfUse));
        form.add(new TextField<>("value", value, BigDecimal.class));
        form.add(new NumberTextField<>("warrantyMonths", warranty, Integer.class));
        form.add(new NumberTextField<>("depreciationYears", years, Integer.class));
        form.add(new Button("save") {
            private static final long serialVersionUID = 1L;

            @Override
            public void onSubmit() {
                Map<String, String> attrs = new HashMap<>();
                attributes.forEach((k, v) -> {
                    if (v != null) {
                        attrs.put(k, v);
                    }
                });
                DeviceInput input = new DeviceInput(null, null, model.getObject(), serial.getObject(), attrs,
                        new Financial(supplier.getObject(), order.getObject(), delivery.getObject(),
                                invoice.getObject(), asset.getObject(), funding.getObject(), purchase.getObject(),
                                startOfUse.getObject(), value.getObject(), warranty.getObject(), years.getObject()),
                        type.getObject(), assignedTo.getObject(), null);
                if (act(() -> fleet().update(caller(), deviceId, input))) {
                    success(getString("saved"));
                    setResponsePage(DevicePage.class, forDevice(deviceId));
                }
            }
        });
        return form;
    }

    private Form<Void> ticketForm() {
        Form<Void> form = new Form<>("newTicket");
        form.setMultiPart(true);
        form.setMaxSize(Bytes.kilobytes(TicketService.PHOTO_MAX / 1024 + 64));
        FileUploadField photo = new FileUploadField("photo");
        form.add(new TextArea<>("problem", LambdaModel.of(() -> problem, v -> problem = v)));
        form.add(photo);
        form.add(new Button("open") {
            private static final long serialVersionUID = 1L;

            @Override
            public void onSubmit() {
                FileUpload upload = photo.getFileUpload();
                byte[] bytes = upload == null ? null : upload.getBytes();
                String text = problem;
                Ticket[] opened = new Ticket[1];
                if (act(() -> opened[0] = tickets().open(caller(), deviceId, text, bytes))) {
                    setResponsePage(TicketPage.class, TicketPage.forTicket(opened[0].id()));
                }
            }
        });
        return form;
    }

    String euros(BigDecimal amount) {
        if (amount == null) {
            return "";
        }
        java.text.NumberFormat euros = java.text.NumberFormat.getCurrencyInstance(
                getLocale().getLanguage().equals("en") ? java.util.Locale.UK : java.util.Locale.FRANCE);
        euros.setCurrency(java.util.Currency.getInstance("EUR"));
        return euros.format(amount);
    }

    @Override
    protected void onDetach() {
        super.onDetach();
        detail.detach();
    }
}
