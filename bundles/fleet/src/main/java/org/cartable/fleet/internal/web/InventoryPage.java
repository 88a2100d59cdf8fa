package org.cartable.fleet.internal.web;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.wicket.markup.html.WebMarkupContainer;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.form.Button;
import org.apache.wicket.markup.html.form.ChoiceRenderer;
import org.apache.wicket.markup.html.form.DropDownChoice;
import org.apache.wicket.markup.html.form.Form;
import org.apache.wicket.markup.html.form.TextArea;
import org.apache.wicket.markup.html.link.BookmarkablePageLink;
import org.apache.wicket.markup.html.list.ListItem;
import org.apache.wicket.markup.html.list.ListView;
import org.apache.wicket.model.IModel;
import org.apache.wicket.model.LambdaModel;
import org.apache.wicket.model.Model;
import org.apache.wicket.model.StringResourceModel;
import org.apache.wicket.request.mapper.parameter.PageParameters;
import org.cartable.api.territory.SchoolInfo;
import org.cartable.api.web.VisibleWhen;
import org.cartable.fleet.internal.Device;
import org.cartable.fleet.internal.Reports.InventoryReport;

/**
 * Bulk inventory check: the labels are scanned into the text area (a USB scanner types each tag and Enter), then
 * checked at once: found devices get today's inventory date; unknown tags and expected devices not scanned are listed.
 */
public class InventoryPage extends FleetBasePage {

    private static final long serialVersionUID = 1L;

    private String schoolId;
    private String tags;
    private InventoryReport report;

    public InventoryPage(PageParameters parameters) {
        super(parameters);
        Form<Void> form = new Form<>("form");
        List<SchoolInfo> schools = load(() -> fleet().schools(caller()));
        Map<String, String> names = schools.stream().collect(Collectors.toMap(SchoolInfo::id, SchoolInfo::name));
        DropDownChoice<String> school = new DropDownChoice<>("school", LambdaModel.of(() -> schoolId, v -> schoolId = v), schools.stream().map(SchoolInfo::id).toList(), new ChoiceRenderer<String>() {
            @Override
            public Object getDisplayValue(String id) {
                return names.get(id);
            }
        });
        school.setNullValid(true);
        form.add(school);
        form.add(new TextArea<>("tags", LambdaModel.of(() -> tags, v -> tags = v)));
        form.add(new Button("check") {
            private static final long serialVersionUID = 1L;

            @Override
            public void onSubmit() {
                List<String> scanned = tags == null ? List.of() : Arrays.asList(tags.split("[\\s,;]+"));
                String chosen = schoolId;
                act(() -> report = fleet().inventory(caller(), chosen, scanned));
                tags = null;
            }
        });
        add(form);

        WebMarkupContainer result = new WebMarkupContainer("report");
        result.add(VisibleWhen.of(() -> report != null));
        add(result);
        IModel<InventoryReport> model = () -> report;
        result.add(new Label("summary", () -> report == null ? "" : new StringResourceModel("inventorySummary",
                this).setParameters(report.seen().size(), report.unknownTags().size(), report.missing().size())
                .getString()));
        result.add(new ListView<>("unknown", model.map(InventoryReport::unknownTags)) {
            private static final long serialVersionUID = 1L;

            @Override
            protected void populateItem(ListItem<String> item) {
                item.add(new Label("tag", item.getModelObject()));
            }
        });
        result.add(new ListView<>("missing", model.map(InventoryReport::missing)) {
            private static final long serialVersionUID = 1L;

            @Override
            protected void populateItem(ListItem<Device> item) {
                Device d = item.getModelObject();
                item.add(new BookmarkablePageLink<Void>("link", DevicePage.class, DevicePage.forDevice(d.id()))
                        .setBody(Model.of(d.tag())));
                item.add(new Label("label", d.schoolName() + " · " + text("state", d.state())));
            }
        });
    }
}
