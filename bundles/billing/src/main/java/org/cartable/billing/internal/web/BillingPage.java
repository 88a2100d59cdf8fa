package org.cartable.billing.internal.web;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.apache.wicket.AttributeModifier;
import org.apache.wicket.Component;
import org.apache.wicket.ajax.AbstractAjaxTimerBehavior;
import org.apache.wicket.ajax.AjaxRequestTarget;
import org.apache.wicket.markup.head.CssHeaderItem;
import org.apache.wicket.markup.head.IHeaderResponse;
import org.apache.wicket.markup.html.WebMarkupContainer;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.form.Button;
import org.apache.wicket.markup.html.form.CheckBox;
import org.apache.wicket.markup.html.form.DropDownChoice;
import org.apache.wicket.markup.html.form.Form;
import org.apache.wicket.markup.html.form.TextField;
import org.apache.wicket.markup.html.link.BookmarkablePageLink;
import org.apache.wicket.markup.html.link.Link;
import org.apache.wicket.markup.html.list.ListItem;
import org.apache.wicket.markup.html.list.ListView;
import org.apache.wicket.markup.html.panel.FeedbackPanel;
import org.apache.wicket.model.IModel;
import org.apache.wicket.model.LambdaModel;
import org.apache.wicket.model.LoadableDetachableModel;
import org.apache.wicket.model.Model;
import org.apache.wicket.model.StringResourceModel;
import org.apache.wicket.request.handler.resource.ResourceStreamRequestHandler;
import org.apache.wicket.request.mapper.parameter.PageParameters;
import org.apache.wicket.request.resource.ContentDisposition;
import org.apache.wicket.request.resource.PackageResourceReference;
import org.apache.wicket.util.resource.AbstractResourceStreamWriter;
import org.cartable.api.CartableException;
import org.cartable.api.web.Services;
import org.cartable.api.web.ToolPage;
import org.cartable.api.web.VisibleWhen;
import org.cartable.billing.internal.BillingApp;
import org.cartable.billing.internal.BillingService;
import org.cartable.billing.internal.BillingService.Filter;
import org.cartable.billing.internal.CostStats;
import org.cartable.billing.internal.DocumentKind;
import org.cartable.billing.internal.DocumentStatus;
import org.cartable.billing.internal.Invoice;
import org.cartable.billing.internal.PriceList;
import org.cartable.billing.internal.Profile;
import org.cartable.billing.internal.PupilCount;
import org.cartable.billing.internal.RunProgress;
import org.cartable.billing.internal.SchoolYear;
import org.cartable.billing.internal.export.InvoiceCsv;
import org.cartable.billing.internal.export.InvoicePdf;

/**
 * The billing tool for one school year ({@code ?year=2026}, the current one by default): price list, pupil counts
 * and their corrections, billing profiles, the billing run with its progress, the invoices and credit notes with
 * their downloads, and the average cost per pupil. Collectivity admins get the same page read-only, limited by the
 * service to their collectivity's issued documents.
 */
public class BillingPage extends ToolPage {

    private static final long serialVersionUID = 1L;

    private final int year;
    private final IModel<List<Invoice>> invoices;

    public BillingPage(PageParameters parameters) {
        super(parameters);
        year = year(parameters);
        invoices = LoadableDetachableModel.of(() -> load(() -> billing().invoices(caller(),
                new Filter(year, null, null, null))));
        boolean manager = BillingService.manages(caller());

        add(new FeedbackPanel("feedback").setOutputMarkupId(true));
        add(new Label("schoolYear", SchoolYear.label(year)));
        add(yearLink("previousYear", year - 1));
        add(yearLink("nextYear", year + 1));
        add(new PriceListForm("prices", manager));
        add(counts("counts", manager));
        add(profiles("profiles", manager));
        add(run("run", manager));
        add(invoiceList("invoices", manager));
        add(stats("stats"));
    }

    private static int year(PageParameters parameters) {
        try {
            return parameters.get("year").toInt(billing().currentYear());
        } catch (RuntimeException notAYear) {
            return billing().currentYear();
        }
    }

    static PageParameters parameters(int year) {
        return new PageParameters().add("year", year);
    }

    @Override
    protected String appId() {
        return BillingApp.ID;
    }

    @Override
    protected IModel<String> pageTitle() {
        return new StringResourceModel("app.name", this);
    }

    @Override
    public void renderHead(IHeaderResponse response) {
        super.renderHead(response);
        response.render(CssHeaderItem.forReference(new PackageResourceReference(BillingPage.class, "billing.css")));
    }

    @Override
    protected void onDetach() {
        invoices.detach();
        super.onDetach();
    }

    /** Looked up at each use: pages are serialised and must not hold services. */
    static BillingService billing() {
        return Services.get(BillingService.class);
    }

    private <T> T load(Supplier<T> reading) {
        try {
            return reading.get();
        } catch (CartableException refused) {
            error(refused.getMessage());
            return null;
        }
    }

    /** A call to the service kept by a button until it is pressed: it is serialised with the page. */
    @FunctionalInterface
    interface Action extends Serializable {
        void run();
    }

    /** Runs an action; a refusal is shown above the page rather than as an error page. */
    boolean act(Action action) {
        try {
            action.run();
            return true;
        } catch (CartableException refused) {
            error(getString("error." + refused.kind().code()) + " " + refused.getMessage());
            return false;
        }
    }

    private BookmarkablePageLink<Void> yearLink(String id, int target) {
        BookmarkablePageLink<Void> link = new BookmarkablePageLink<>(id, BillingPage.class, parameters(target));
        link.setBody(Model.of(SchoolYear.label(target)));
        return link;
    }

    // ------------------------------------------------------------------------------------------------ price list

    /** The year's prices; operators edit them, others read them. */
    private final class PriceListForm extends Form<Void> {

        private static final long serialVersionUID = 1L;

        private String membershipMember;
        private String membershipNonMember;
        private String support;
        private String licence;
        private String mobile;
        private String vatRate;
        private String censusDate;

        PriceListForm(String id, boolean manager) {
            super(id);
            PriceList current = billing().priceList(caller(), year);
            membershipMember = current.membershipMember().toPlainString();
            membershipNonMember = current.membershipNonMember().toPlainString();
            support = current.support().toPlainString();
            licence = current.licence().toPlainString();
            mobile = current.mobile().toPlainString();
            vatRate = current.vatRate().toPlainString();
            censusDate = current.censusDate().toString();
            add(field("membershipMember", () -> membershipMember, v -> membershipMember = v, manager));
            add(field("membershipNonMember", () -> membershipNonMember, v -> membershipNonMember = v, manager));
            add(field("support", () -> support, v -> support = v, manager));
            add(field("licence", () -> licence, v -> licence = v, manager));
            add(field("mobile", () -> mobile, v -> mobile = v, manager));
            add(field("vatRate", () -> vatRate, v -> vatRate = v, manager));
            add(field("censusDate", () -> censusDate, v -> censusDate = v, manager));
            add(new Label("savedState", new StringResourceModel(current.saved() ? "prices.saved" : "prices.defaults",
                    BillingPage.this)));
            add(new Button("save").setVisible(manager));
        }

        private TextField<String> field(String id, org.danekja.java.util.function.serializable.SerializableSupplier<String> getter,
                                        org.danekja.java.util.function.serializable.SerializableConsumer<String> setter,
                                        boolean editable) {
            TextField<String> field = new TextField<>(id, LambdaModel.of(getter, setter));
            field.setRequired(true).setEnabled(editable);
            return field;
        }

        @Override
        protected void onSubmit() {
            try {
                PriceList prices = new PriceList(year, amount(membershipMember), amount(membershipNonMember),
                        amount(support), amount(licence), amount(mobile), amount(vatRate),
                        LocalDate.parse(censusDate.strip()), false);
                if (act(() -> billing().savePriceList(caller(), prices))) {
                    success(getString("prices.savedDone"));
                }
            } catch (NumberFormatException | DateTimeParseException e) {
                error(getString("prices.invalid"));
            }
        }
    }

    static BigDecimal amount(String value) {
        return new BigDecimal(value.strip().replace(',', '.'));
    }

    // ------------------------------------------------------------------------------------------------ counts

    private Component counts(String id, boolean manager) {
        WebMarkupContainer section = new WebMarkupContainer(id);
        IModel<List<PupilCount>> counts = LoadableDetachableModel.of(() -> load(() -> billing().counts(caller(), year)));
        section.add(new ListView<>("count", counts.map(list -> list == null ? List.<PupilCount>of() : list)) {
            @Override
            protected void populateItem(ListItem<PupilCount> item) {
                PupilCount count = item.getModelObject();
                item.add(new Label("name", count.name()));
                item.add(new Label("member", new StringResourceModel(count.member() ? "member.yes" : "member.no",
                        BillingPage.this)));
                item.add(new Label("enrolled", count.enrolled()));
                item.add(new Label("total", count.total()));
                item.add(new ListView<>("adjustment", count.adjustments()) {
                    @Override
                    protected void populateItem(ListItem<org.cartable.billing.internal.Adjustment> line) {
                        var adjustment = line.getModelObject();
                        line.add(new Label("text", (adjustment.delta() > 0 ? "+" : "") + adjustment.delta() + " · "
                                + adjustment.reason() + " · " + adjustment.authorName()));
                    }
                });
            }
        });
        section.add(new AdjustmentForm("adjust", counts).setVisible(manager));
        return section;
    }

    private final class AdjustmentForm extends Form<Void> {

        private static final long serialVersionUID = 1L;

        private PupilCount collectivity;
        private Integer delta;
        private String reason;

        AdjustmentForm(String id, IModel<List<PupilCount>> counts) {
            super(id);
            add(new DropDownChoice<>("collectivity", LambdaModel.of(() -> collectivity, v -> collectivity = v),
                    counts, new CountRenderer())
                    .setRequired(true));
            add(new TextField<>("delta", LambdaModel.of(() -> delta, v -> delta = v), Integer.class)
                    .setRequired(true));
            add(new TextField<>("reason", LambdaModel.of(() -> reason, v -> reason = v)).setRequired(true));
        }

        @Override
        protected void onSubmit() {
            if (act(() -> billing().adjust(caller(), year, collectivity.collectivityId(), delta, reason))) {
                success(getString("counts.adjusted"));
                delta = null;
                reason = null;
            }
        }
    }

    /** Shows a collectivity by name, submits its id. */
    private static final class CountRenderer extends org.apache.wicket.markup.html.form.ChoiceRenderer<PupilCount> {
        private static final long serialVersionUID = 1L;

        @Override
        public Object getDisplayValue(PupilCount count) {
            return count.name();
        }

        @Override
        public String getIdValue(PupilCount count, int index) {
            return count.collectivityId();
        }
    }

    // ------------------------------------------------------------------------------------------------ profiles

    private Component profiles(String id, boolean manager) {
        WebMarkupContainer section = new WebMarkupContainer(id);
        IModel<List<Profile>> profiles = LoadableDetachableModel.of(
                () -> load(() -> billing().profiles(caller(), year)));
        section.add(new ListView<>("profile", profiles.map(list -> list == null ? List.<Profile>of() : list)) {
            @Override
            protected void populateItem(ListItem<Profile> item) {
                item.add(new ProfileForm("form", item.getModelObject(), manager));
            }
        });
        return section;
    }

    private final class ProfileForm extends Form<Void> {

        private static final long serialVersionUID = 1L;

        private final String collectivityId;
        private boolean mobileOption;
        private String serviceCode;
        private String engagementNumber;
        private boolean routingRequired;
        private String address;

        ProfileForm(String id, Profile profile, boolean manager) {
            super(id);
            collectivityId = profile.collectivityId();
            mobileOption = profile.mobileOption();
            serviceCode = profile.serviceCode();
            engagementNumber = profile.engagementNumber();
            routingRequired = profile.routingRequired();
            address = profile.address();
            add(new Label("name", profile.name()));
            add(new Label("siret", profile.siret() == null ? "—" : profile.siret()));
            add(new CheckBox("mobileOption", LambdaModel.of(() -> mobileOption, v -> mobileOption = v))
                    .setEnabled(manager));
            add(new TextField<>("serviceCode", LambdaModel.of(() -> serviceCode, v -> serviceCode = v))
                    .setEnabled(manager));
            add(new TextField<>("engagementNumber", LambdaModel.of(() -> engagementNumber, v -> engagementNumber = v))
                    .setEnabled(manager));
            add(new CheckBox("routingRequired", LambdaModel.of(() -> routingRequired, v -> routingRequired = v))
                    .setEnabled(manager));
            add(new TextField<>("address", LambdaModel.of(() -> address, v -> address = v)).setEnabled(manager));
            add(new Button("save").setVisible(manager));
        }

        @Override
        protected void onSubmit() {
            if (act(() -> billing().saveProfile(caller(), year, collectivityId, mobileOption, serviceCode,
                    engagementNumber, routingRequired, address))) {
                success(getString("profiles.saved"));
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ run

    /**
     * The run button and its progress: while a run goes on, Wicket's AJAX timer (its scripts carry the shell's CSP
     * nonce) refreshes the progress bar every half second and stops when the run is over.
     */
    private Component run(String id, boolean manager) {
        WebMarkupContainer section = new WebMarkupContainer(id);
        section.setVisible(manager);
        IModel<RunProgress> progress = LoadableDetachableModel.of(() -> billing().runProgress(caller(), year));
        WebMarkupContainer status = new WebMarkupContainer("status");
        status.setOutputMarkupId(true);
        WebMarkupContainer bar = new WebMarkupContainer("bar");
        bar.add(AttributeModifier.replace("value", progress.map(RunProgress::done)));
        bar.add(AttributeModifier.replace("max", progress.map(p -> Math.max(1, p.total()))));
        bar.add(AttributeModifier.replace("data-state", progress.map(p -> p.state().name())));
        status.add(bar);
        status.add(new Label("text", () -> {
            RunProgress p = progress.getObject();
            return new StringResourceModel("run.state." + p.state().name(), BillingPage.this)
                    .setParameters(p.done(), p.total(), p.created(), p.skipped()).getString()
                    + (p.message() == null ? "" : " " + p.message());
        }));
        status.add(VisibleWhen.of(() -> progress.getObject().state() != RunProgress.State.NONE));
        section.add(status);

        section.add(new AbstractAjaxTimerBehavior(Duration.ofMillis(500)) {
            private static final long serialVersionUID = 1L;

            @Override
            protected void onTimer(AjaxRequestTarget target) {
                progress.detach();
                if (progress.getObject().state() != RunProgress.State.RUNNING) {
                    stop(target);
                    // the invoices changed: show them
                    setResponsePage(BillingPage.class, parameters(year));
                    return;
                }
                target.add(status);
            }

            /*
             * The timer starts only on a page rendered while the run goes on; it stays callable until it has seen
             * the end (a disabled behaviour would refuse that last call and leave the page stuck).
             */
            @Override
            public void renderHead(Component component, IHeaderResponse response) {
                if (progress.getObject().state() == RunProgress.State.RUNNING) {
                    super.renderHead(component, response);
                }
            }
        });

        Form<Void> form = new Form<>("form");
        form.add(new Button("start") {
            @Override
            public void onSubmit() {
                if (act(() -> billing().startRun(caller(), year))) {
                    success(getString("run.started"));
                }
                progress.detach();
                invoices.detach();
            }
        });
        form.add(new Button("issueAll") {
            @Override
            public void onSubmit() {
                try {
                    BillingService.IssueReport report = billing().issueAll(caller(), year);
                    success(new StringResourceModel("issueAll.done", BillingPage.this)
                            .setParameters(report.issued().size()).getString());
                    report.refused().forEach((name, why) -> error(name + " : " + why));
                } catch (CartableException refused) {
                    error(refused.getMessage());
                }
                invoices.detach();
            }
        });
        section.add(form);
        return section;
    }

    // ------------------------------------------------------------------------------------------------ invoices

    private Component invoiceList(String id, boolean manager) {
        WebMarkupContainer section = new WebMarkupContainer(id);
        IModel<List<Invoice>> shown = invoices.map(list -> list == null ? List.<Invoice>of() : list);
        section.add(new WebMarkupContainer("empty").add(VisibleWhen.of(() -> shown.getObject().isEmpty())));
        section.add(new Link<Void>("yearCsv") {
            @Override
            public void onClick() {
                download(() -> InvoiceCsv.write(billing().invoices(caller(),
                        new Filter(year, DocumentStatus.ISSUED, null, null))), "factures-" + year + ".csv", "text/csv");
            }
        });
        section.add(new ListView<>("invoice", shown) {
            @Override
            protected void populateItem(ListItem<Invoice> item) {
                populateInvoice(item, manager);
            }
        });
        return section;
    }

    private void populateInvoice(ListItem<Invoice> item, boolean manager) {
        Invoice invoice = item.getModelObject();
        String invoiceId = invoice.id();
        item.add(AttributeModifier.replace("data-status", invoice.status().name()));
        item.add(new Label("kind", new StringResourceModel("kind." + invoice.kind().name(), this)));
        item.add(new Label("number", invoice.number() != null ? invoice.number() : getString("draft")));
        item.add(new Label("recipient", invoice.recipient().name()));
        item.add(new Label("pupils", invoice.pupils()));
        item.add(new Label("excl", euros(invoice.totals().excl())));
        item.add(new Label("incl", euros(invoice.totals().incl())));
        item.add(new Label("original", invoice.originalNumber() == null ? ""
                : getString("creditFor") + " " + invoice.originalNumber()));
        item.add(new Link<Void>("pdf") {
            @Override
            public void onClick() {
                download(() -> InvoicePdf.pdf(billing().invoice(caller(), invoiceId)),
                        fileName(invoice) + ".pdf", "application/pdf");
            }
        });
        item.add(new Link<Void>("facturx") {
            @Override
            public void onClick() {
                download(() -> InvoicePdf.facturX(billing().invoice(caller(), invoiceId)),
                        fileName(invoice) + "-facturx.pdf", "application/pdf");
            }
        }.setVisible(invoice.issued()));
        item.add(new Link<Void>("csv") {
            @Override
            public void onClick() {
                download(() -> InvoiceCsv.write(List.of(billing().invoice(caller(), invoiceId))),
                        fileName(invoice) + ".csv", "text/csv");
            }
        });
        Form<Void> actions = new Form<>("actions");
        actions.setVisible(manager);
        actions.add(new Button("issue") {
            @Override
            public void onSubmit() {
                if (act(() -> billing().issue(caller(), invoiceId))) {
                    success(getString("issued"));
                }
                invoices.detach();
            }
        }.setVisible(!invoice.issued()));
        IModel<String> reason = Model.of();
        WebMarkupContainer credit = new WebMarkupContainer("credit");
        credit.setVisible(invoice.issued() && invoice.kind() == DocumentKind.INVOICE);
        credit.add(new TextField<>("reason", reason));
        credit.add(new Button("creditNote") {
            @Override
            public void onSubmit() {
                if (act(() -> billing().creditNote(caller(), invoiceId, reason.getObject(), null))) {
                    success(getString("credited"));
                }
                invoices.detach();
            }
        });
        actions.add(credit);
        item.add(actions);
    }

    private static String fileName(Invoice invoice) {
        return invoice.number() != null ? invoice.number() : "brouillon-" + invoice.collectivityId();
    }

    /** Sends a file computed now; a refusal (e.g. a draft as Factur-X) is shown on the page instead. */
    private void download(Supplier<byte[]> content, String name, String type) {
        byte[] bytes;
        try {
            bytes = content.get();
        } catch (CartableException | IllegalArgumentException refused) {
            error(refused.getMessage());
            return;
        }
        AbstractResourceStreamWriter stream = new AbstractResourceStreamWriter() {
            private static final long serialVersionUID = 1L;

            @Override
            public void write(OutputStream output) throws IOException {
                output.write(bytes);
            }

            @Override
            public String getContentType() {
                return type;
            }
        };
        getRequestCycle().scheduleRequestHandlerAfterCurrent(new ResourceStreamRequestHandler(stream, name)
                .setContentDisposition(ContentDisposition.ATTACHMENT));
    }

    // ------------------------------------------------------------------------------------------------ statistics

    private Component stats(String id) {
        IModel<CostStats> stats = LoadableDetachableModel.of(() -> load(() -> billing().stats(caller(), year)));
        WebMarkupContainer section = new WebMarkupContainer(id);
        section.add(new Label("average", () -> {
            CostStats s = stats.getObject();
            return s == null || s.averagePerPupil() == null ? "—" : euros(s.averagePerPupil());
        }));
        section.add(new Label("pupils", () -> stats.getObject() == null ? 0 : stats.getObject().pupils()));
        section.add(new ListView<>("row", stats.map(s -> s == null ? List.<CostStats.Row>of() : s.collectivities())) {
            @Override
            protected void populateItem(ListItem<CostStats.Row> item) {
                CostStats.Row row = item.getModelObject();
                item.add(new Label("name", row.name()));
                item.add(new Label("pupils", row.pupils()));
                item.add(new Label("total", euros(row.totalExcl())));
                item.add(new Label("perPupil", euros(row.perPupil())));
                item.add(new Label("provisional", getString("provisional")).setVisible(!row.issued()));
            }
        });
        return section;
    }

    private String euros(BigDecimal amount) {
        NumberFormat format = NumberFormat.getCurrencyInstance(Locale.FRANCE);
        return format.format(amount);
    }
}
