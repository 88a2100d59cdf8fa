package org.cartable.fleet.internal.web;

import java.nio.charset.StandardCharsets;

import org.apache.wicket.markup.html.WebMarkupContainer;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.form.Button;
import org.apache.wicket.markup.html.form.Form;
import org.apache.wicket.markup.html.form.TextArea;
import org.apache.wicket.markup.html.form.upload.FileUpload;
import org.apache.wicket.markup.html.form.upload.FileUploadField;
import org.apache.wicket.markup.html.link.BookmarkablePageLink;
import org.apache.wicket.markup.html.list.ListItem;
import org.apache.wicket.markup.html.list.ListView;
import org.apache.wicket.model.IModel;
import org.apache.wicket.model.LambdaModel;
import org.apache.wicket.model.Model;
import org.apache.wicket.model.StringResourceModel;
import org.apache.wicket.request.mapper.parameter.PageParameters;
import org.apache.wicket.util.lang.Bytes;
import org.cartable.api.web.VisibleWhen;
import org.cartable.fleet.internal.DeliveryImport;
import org.cartable.fleet.internal.Device;
import org.cartable.fleet.internal.Reports.ImportReport;
import org.cartable.fleet.internal.Reports.Rejection;

/** Imports a delivery CSV (file or pasted text): a dry run first, then the import, with per-line rejections. */
public class ImportPage extends FleetBasePage {

    private static final long serialVersionUID = 1L;

    private String csv;
    private ImportReport report;

    public ImportPage(PageParameters parameters) {
        super(parameters);
        if (!viewer().manager()) {
            throw new org.apache.wicket.RestartResponseException(
                    org.cartable.api.web.ShellLayout.get().accessDeniedPage(),
                    new PageParameters().add("reason", "forbidden"));
        }
        add(new Label("columns", String.join(";", DeliveryImport.COLUMNS)));
        Form<Void> form = new Form<>("form");
        form.setMultiPart(true);
        form.setMaxSize(Bytes.megabytes(2));
        FileUploadField file = new FileUploadField("file");
        form.add(file);
        form.add(new TextArea<>("csv", LambdaModel.of(() -> csv, v -> csv = v)));
        form.add(new Button("dryRun") {
            private static final long serialVersionUID = 1L;

            @Override
            public void onSubmit() {
                run(file, true);
            }
        });
        form.add(new Button("run") {
            private static final long serialVersionUID = 1L;

            @Override
            public void onSubmit() {
                run(file, false);
            }
        });
        add(form);

        WebMarkupContainer result = new WebMarkupContainer("report");
        result.add(VisibleWhen.of(() -> report != null));
        add(result);
        IModel<ImportReport> model = () -> report;
        result.add(new Label("summary", () -> report == null ? "" : new StringResourceModel(report.dryRun()
                ? "importDrySummary" : "importSummary", this).setParameters(report.accepted(),
                report.rejected().size()).getString()));
        WebMarkupContainer table = new WebMarkupContainer("rejectedTable");
        table.add(VisibleWhen.of(() -> report != null && !report.rejected().isEmpty()));
        result.add(table);
        table.add(new ListView<>("rejected", model.map(ImportReport::rejected)) {
            private static final long serialVersionUID = 1L;

            @Override
            protected void populateItem(ListItem<Rejection> item) {
                item.add(new Label("line", item.getModelObject().line()));
                item.add(new Label("reason", item.getModelObject().reason()));
            }
        });
        result.add(new ListView<>("created", model.map(ImportReport::created)) {
            private static final long serialVersionUID = 1L;

            @Override
            protected void populateItem(ListItem<Device> item) {
                Device d = item.getModelObject();
                item.add(new BookmarkablePageLink<Void>("link", DevicePage.class, DevicePage.forDevice(d.id()))
                        .setBody(Model.of(d.tag())));
                item.add(new Label("label", text("kind", d.kind()) + " · " + d.schoolName()
                        + (d.serial() == null ? "" : " · " + d.serial())));
            }
        });
    }

    private void run(FileUploadField file, boolean dryRun) {
        FileUpload upload = file.getFileUpload();
        String text = upload != null ? new String(upload.getBytes(), StandardCharsets.UTF_8) : csv;
        if (upload != null) {
            csv = text;
        }
        act(() -> report = imports().importCsv(caller(), text, dryRun));
    }
}
