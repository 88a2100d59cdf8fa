package org.cartable.fleet.internal.web;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.wicket.markup.html.WebMarkupContainer;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.form.Button;
import org.apache.wicket.markup.html.form.ChoiceRenderer;
import org.apache.wicket.markup.html.form.DropDownChoice;
import org.apache.wicket.markup.html.form.Form;
import org.apache.wicket.markup.html.list.ListItem;
import org.apache.wicket.markup.html.list.ListView;
import org.apache.wicket.model.IModel;
import org.apache.wicket.model.LoadableDetachableModel;
import org.apache.wicket.model.Model;
import org.apache.wicket.request.mapper.parameter.PageParameters;
import org.cartable.api.territory.SchoolInfo;
import org.cartable.api.web.VisibleWhen;
import org.cartable.fleet.internal.Device;
import org.cartable.fleet.internal.DeviceFilter;
import org.cartable.fleet.internal.QrSvg;

/**
 * Printable asset labels: a QR code carrying the tag (what the inventory scanner reads), the tag and the school, for
 * the devices given ({@code ?ids=a,b}) or a school's active devices. The browser prints the page (print styles hide
 * the rest).
 */
public class LabelsPage extends FleetBasePage {

    private static final long serialVersionUID = 1L;

    public LabelsPage(PageParameters parameters) {
        super(parameters);
        Set<String> ids = Set.copyOf(Arrays.stream(parameters.get("ids").toString("").split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).toList());
        IModel<String> school = Model.of(parameters.get("school").toOptionalString());
        IModel<List<Device>> devices = LoadableDetachableModel.of(() -> {
            if (!ids.isEmpty()) {
                return load(() -> fleet().devices(caller(), DeviceFilter.all())).stream()
                        .filter(d -> ids.contains(d.id())).toList();
            }
            if (school.getObject() == null) {
                return List.of();
            }
            return load(() -> fleet().devices(caller(), new DeviceFilter(school.getObject(), null, null, null,
                    null))).stream().filter(d -> d.state().active()).toList();
        });
        Form<Void> form = new Form<>("choose");
        List<SchoolInfo> schools = load(() -> fleet().schools(caller()));
        Map<String, String> names = schools.stream().collect(Collectors.toMap(SchoolInfo::id, SchoolInfo::name));
        form.add(new DropDownChoice<>("school", school, schools.stream().map(SchoolInfo::id).toList(),
                new ChoiceRenderer<String>() {
                    @Override
                    public Object getDisplayValue(String id) {
                        return names.get(id);
                    }
                }));
        form.add(new Button("show") {
            private static final long serialVersionUID = 1L;

            @Override
            public void onSubmit() {
                setResponsePage(LabelsPage.class, new PageParameters().add("school", school.getObject()));
            }
        });
        add(form.setVisible(ids.isEmpty()));
        add(new WebMarkupContainer("empty").add(VisibleWhen.of(() -> devices.getObject().isEmpty())));
        add(new ListView<>("label", devices) {
            private static final long serialVersionUID = 1L;

            @Override
            protected void populateItem(ListItem<Device> item) {
                Device d = item.getModelObject();
                // our own SVG: ZXing's matrix drawn as one path, the tag escaped in its title
                item.add(new Label("qr", QrSvg.svg(d.tag(), 140)).setEscapeModelStrings(false));
                item.add(new Label("tag", d.tag()));
                item.add(new Label("school", d.schoolName()));
            }
        });
    }
}
