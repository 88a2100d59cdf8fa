package org.cartable.directoryimport.internal.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.wicket.AttributeModifier;
import org.apache.wicket.ajax.AjaxRequestTarget;
import org.apache.wicket.ajax.AjaxSelfUpdatingTimerBehavior;
import org.apache.wicket.markup.html.WebMarkupContainer;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.form.Button;
import org.apache.wicket.markup.html.form.ChoiceRenderer;
import org.apache.wicket.markup.html.form.DropDownChoice;
import org.apache.wicket.markup.html.form.Form;
import org.apache.wicket.markup.html.form.TextArea;
import org.apache.wicket.markup.html.form.TextField;
import org.apache.wicket.markup.html.form.upload.FileUpload;
import org.apache.wicket.markup.html.form.upload.FileUploadField;
import org.apache.wicket.markup.html.link.Link;
import org.apache.wicket.markup.html.list.ListItem;
import org.apache.wicket.markup.html.list.ListView;
import org.apache.wicket.markup.html.panel.FeedbackPanel;
import org.apache.wicket.model.IModel;
import org.apache.wicket.model.LoadableDetachableModel;
import org.apache.wicket.model.Model;
import org.apache.wicket.model.ResourceModel;
import org.apache.wicket.request.handler.resource.ResourceStreamRequestHandler;
import org.apache.wicket.request.mapper.parameter.PageParameters;
import org.apache.wicket.request.resource.ContentDisposition;
import org.apache.wicket.util.lang.Bytes;
import org.apache.wicket.util.resource.AbstractResourceStream;
import org.apache.wicket.util.resource.FileSystemResourceStream;
import org.apache.wicket.util.resource.IResourceStream;
import org.cartable.api.CartableException;
import org.cartable.api.territory.CollectivityInfo;
import org.cartable.api.web.Services;
import org.cartable.api.web.ToolPage;
import org.cartable.api.web.VisibleWhen;
import org.cartable.directoryimport.internal.ImportApp;
import org.cartable.directoryimport.internal.format.GenericCsvFormat;
import org.cartable.directoryimport.internal.format.OndeFormat;
import org.cartable.directoryimport.internal.format.StaffFormat;
import org.cartable.directoryimport.internal.job.ImportService;
import org.cartable.directoryimport.internal.job.JobState;
import org.cartable.directoryimport.internal.job.JobView;
import org.cartable.directoryimport.internal.sheets.ConnectionSheets;
import org.cartable.directoryimport.internal.sheets.Credential;

/**
 * The import tool: choose a format and files, simulate (dry run) or import, watch the progress bar, read the summary,
 * download the report of rejected lines and the connection sheets of the new accounts. Every action goes through
 * {@link ImportService}, which checks the caller.
 */
public class ImportPage extends ToolPage {

    private static final long serialVersionUID = 1L;
    /** Department files are large; the REST API takes them in parts, a form in one go. */
    private static final Bytes MAX_UPLOAD = Bytes.megabytes(200);

    private String jobId;
    private final IModel<JobView> job = LoadableDetachableModel.of(
            () -> jobId == null ? null : imports().view(caller(), jobId));

    public ImportPage(PageParameters parameters) {
        super(parameters);
        add(new FeedbackPanel("feedback"));
        add(new StartForm("start"));
        add(status("status"));
    }

    @Override
    protected String appId() {
        return ImportApp.ID;
    }

    @Override
    protected IModel<String> pageTitle() {
        return new ResourceModel("title");
    }

    private static ImportService imports() {
        return Services.get(ImportService.class);
    }

    private boolean running() {
        JobView view = job.getObject();
        return view != null && (view.state() == JobState.QUEUED || view.state() == JobState.READING
                || view.state() == JobState.APPLYING);
    }

    private final class StartForm extends Form<Void> {
        private static final long serialVersionUID = 1L;

        private final IModel<String> format = Model.of(OndeFormat.ID);
        private final IModel<String> schoolYear = Model.of();
        private final IModel<CollectivityInfo> collectivity = Model.of();
        private final IModel<String> mapping = Model.of();
        private final FileUploadField main = new FileUploadField("main");
        private final FileUploadField second = new FileUploadField("second");

        StartForm(String id) {
            super(id);
            setMultiPart(true);
            setMaxSize(MAX_UPLOAD);
            Map<String, String> formats = new LinkedHashMap<>();
            formats.put(OndeFormat.ID, getString("format.onde"));
            formats.put("oneroster", getString("format.oneroster"));
            formats.put(GenericCsvFormat.ID, getString("format.csv"));
            formats.put(StaffFormat.ID, getString("format.staff"));
            add(new DropDownChoice<>("format", format, List.copyOf(formats.keySet()),
                    new ChoiceRenderer<>() {
                        private static final long serialVersionUID = 1L;

                        @Override
                        public Object getDisplayValue(String id) {
                            return formats.get(id);
                        }

                        @Override
                        public String getIdValue(String id, int index) {
                            return id;
                        }
                    }).setRequired(true));
            add(new TextField<>("schoolYear", schoolYear));
            IModel<List<CollectivityInfo>> collectivities = LoadableDetachableModel.of(
                    () -> imports().collectivities(caller()));
            add(new DropDownChoice<>("collectivity", collectivity, collectivities,
                    new ChoiceRenderer<>("name", "id")).setNullValid(true));
            add(main.setRequired(true));
            add(second);
            add(new TextArea<>("mapping", mapping));
            add(new Button("dryRun") {
                private static final long serialVersionUID = 1L;

                @Override
                public void onSubmit() {
                    start(true);
                }
            });
            add(new Button("run") {
                private static final long serialVersionUID = 1L;

                @Override
                public void onSubmit() {
                    start(false);
                }
            });
            add(VisibleWhen.of(() -> !running()));
        }

        private void start(boolean dryRun) {
            try {
                String formatId = format.getObject();
                JobView created = imports().create(caller(), formatId, schoolYear.getObject(),
                        collectivity.getObject() == null ? null : collectivity.getObject().id(),
                        Mappings.parse(mapping.getObject()));
                jobId = created.id();
                job.detach();
                upload(main.getFileUpload(), switch (formatId) {
                    case OndeFormat.ID -> OndeFormat.PUPILS;
                    case GenericCsvFormat.ID -> GenericCsvFormat.DATA;
                    case StaffFormat.ID -> StaffFormat.TEACHERS;
                    default -> "archive";
                });
                if (second.getFileUpload() != null && OndeFormat.ID.equals(formatId)) {
                    upload(second.getFileUpload(), OndeFormat.GUARDIANS);
                }
                imports().start(caller(), jobId, dryRun);
                job.detach();
            } catch (CartableException refused) {
                error(refused.getMessage());
            }
        }

        private void upload(FileUpload file, String name) {
            if (file == null) {
                return;
            }
            try {
                imports().upload(caller(), jobId, name, file.getInputStream(), false);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private WebMarkupContainer status(String id) {
        WebMarkupContainer status = new WebMarkupContainer(id);
        status.setOutputMarkupPlaceholderTag(true);
        status.add(VisibleWhen.of(() -> job.getObject() != null));
        status.add(new AjaxSelfUpdatingTimerBehavior(Duration.ofSeconds(1)) {
            private static final long serialVersionUID = 1L;

            @Override
            protected void onPostProcessTarget(AjaxRequestTarget target) {
                if (!running()) {
                    stop(target);
                    // Over: the whole page again, with the form back (an AJAX redirect to this page).
                    getComponent().setResponsePage(getComponent().getPage());
                }
            }

            /*
             * The timer runs only while the import does; it stays enabled so that a tick sent just before the end is
             * still answered (with the reload below).
             */
            @Override
            public void onConfigure(org.apache.wicket.Component component) {
                super.onConfigure(component);
                if (running()) {
                    restart(null);
                } else {
                    stop(null);
                }
            }
        });
        status.add(new Label("mode", () -> getString(job.getObject() != null && job.getObject().dryRun()
                ? "mode.dryRun" : "mode.run")));
        status.add(new Label("state", () -> job.getObject() == null ? ""
                : getString("state." + job.getObject().state().name())));
        WebMarkupContainer bar = new WebMarkupContainer("bar");
        bar.add(AttributeModifier.replace("value", () -> job.getObject() == null ? 0 : job.getObject().percent()));
        bar.add(AttributeModifier.replace("aria-valuenow",
                () -> job.getObject() == null ? 0 : job.getObject().percent()));
        status.add(bar);
        status.add(new Label("percent", () -> job.getObject() == null ? "" : job.getObject().percent() + " %"));
        status.add(new Label("error", () -> job.getObject() == null ? null : job.getObject().error())
                .add(VisibleWhen.of(() -> job.getObject() != null && job.getObject().error() != null)));
        status.add(summary("summary"));
        status.add(new Link<Void>("report") {
            private static final long serialVersionUID = 1L;

            @Override
            public void onClick() {
                download(new FileSystemResourceStream(imports().report(caller(), jobId)), "rejected-lines.csv");
            }
        }.add(VisibleWhen.of(() -> job.getObject() != null && job.getObject().summary() != null)));
        status.add(new Link<Void>("confirm") {
            private static final long serialVersionUID = 1L;

            @Override
            public void onClick() {
                try {
                    imports().start(caller(), jobId, false);
                } catch (CartableException refused) {
                    error(refused.getMessage());
                }
                job.detach();
            }
        }.add(VisibleWhen.of(() -> job.getObject() != null && job.getObject().state() == JobState.DONE
                && job.getObject().dryRun())));
        status.add(sheets("sheets"));
        return status;
    }

    private WebMarkupContainer summary(String id) {
        WebMarkupContainer summary = new WebMarkupContainer(id);
        summary.add(VisibleWhen.of(() -> job.getObject() != null && job.getObject().summary() != null));
        IModel<List<String[]>> rows = LoadableDetachableModel.of(() -> {
            JobView view = job.getObject();
            List<String[]> list = new ArrayList<>();
            if (view == null || view.summary() == null) {
                return list;
            }
            JobView.Summary s = view.summary();
            list.add(row("schools", s.schools()));
            list.add(row("schoolsFailed", s.schoolsFailed()));
            list.add(row("schoolsCreated", s.schoolsCreated()));
            list.add(row("classesCreated", s.classesCreated()));
            list.add(row("pupilsCreated", s.pupilsCreated()));
            list.add(row("pupilsMoved", s.pupilsMoved()));
            list.add(row("pupilsEnrolled", s.pupilsEnrolled()));
            list.add(row("guardiansCreated", s.guardiansCreated()));
            list.add(row("linksCreated", s.linksCreated()));
            list.add(row("linksRemoved", s.linksRemoved()));
            list.add(row("preDeleted", s.preDeleted()));
            if (s.staff() != null) {
                list.add(row("teachersCreated", s.staff().teachersCreated()));
                list.add(row("assignmentsCreated", s.staff().assignmentsCreated()));
                list.add(row("assignmentsRemoved", s.staff().assignmentsRemoved()));
                list.add(row("directorsChanged", s.staff().directorsChanged()));
            }
            list.add(row("unchanged", s.unchanged()));
            list.add(row("rejectedLines", s.rejectedLines()));
            return list;
        });
        summary.add(new ListView<>("row", rows) {
            private static final long serialVersionUID = 1L;

            @Override
            protected void populateItem(ListItem<String[]> item) {
                item.add(AttributeModifier.replace("data-count", item.getModelObject()[0]));
                item.add(new Label("label", item.getModelObject()[1]));
                item.add(new Label("value", item.getModelObject()[2]));
            }
        });
        return summary;
    }

    private String[] row(String key, long value) {
        return new String[] {key, getString("summary." + key), Long.toString(value)};
    }

    private WebMarkupContainer sheets(String id) {
        WebMarkupContainer sheets = new WebMarkupContainer(id);
        sheets.add(VisibleWhen.of(() -> job.getObject() != null && job.getObject().credentials() > 0));
        IModel<List<String>> classes = LoadableDetachableModel.of(() -> jobId == null ? List.of()
                : List.copyOf(ConnectionSheets.classes(imports().credentials(caller(), jobId)).keySet()));
        sheets.add(new ListView<>("class", classes) {
            private static final long serialVersionUID = 1L;

            @Override
            protected void populateItem(ListItem<String> item) {
                String key = item.getModelObject();
                Link<Void> link = new Link<>("pdf") {
                    private static final long serialVersionUID = 1L;

                    @Override
                    public void onClick() {
                        downloadSheets(key);
                    }
                };
                link.add(new Label("name", key));
                item.add(link);
            }
        });
        sheets.add(new Link<Void>("all") {
            private static final long serialVersionUID = 1L;

            @Override
            public void onClick() {
                downloadSheets(null);
            }
        });
        return sheets;
    }

    private void downloadSheets(String classKey) {
        List<Credential> credentials = imports().credentials(caller(), jobId).stream()
                .filter(c -> classKey == null || c.classKey().equals(classKey)).toList();
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        try {
            String site = getRequestCycle().getUrlRenderer().renderFullUrl(
                    org.apache.wicket.request.Url.parse(urlFor(getApplication().getHomePage(), null).toString()));
            ConnectionSheets.write(credentials, getLocale(), site, pdf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] bytes = pdf.toByteArray();
        download(new AbstractResourceStream() {
            private static final long serialVersionUID = 1L;

            @Override
            public String getContentType() {
                return "application/pdf";
            }

            @Override
            public java.io.InputStream getInputStream() {
                return new java.io.ByteArrayInputStream(bytes);
            }

            @Override
            public void close() {
                // nothing held
            }
        }, "connection-sheets.pdf");
    }

    private void download(IResourceStream stream, String fileName) {
        getRequestCycle().scheduleRequestHandlerAfterCurrent(new ResourceStreamRequestHandler(stream)
                .setFileName(fileName).setContentDisposition(ContentDisposition.ATTACHMENT)
                .setCacheDuration(Duration.ZERO));
    }

    @Override
    protected void onDetach() {
        job.detach();
        super.onDetach();
    }
}
