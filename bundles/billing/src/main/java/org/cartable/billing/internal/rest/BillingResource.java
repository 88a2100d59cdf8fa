package org.cartable.billing.internal.rest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.cartable.api.Caller;
import org.cartable.api.CartableException;
import org.cartable.api.rest.AppResource;
import org.cartable.api.rest.RestApi;
import org.cartable.billing.internal.BillingApp;
import org.cartable.billing.internal.BillingService;
import org.cartable.billing.internal.BillingService.Filter;
import org.cartable.billing.internal.DocumentKind;
import org.cartable.billing.internal.DocumentStatus;
import org.cartable.billing.internal.Invoice;
import org.cartable.billing.internal.export.InvoiceCsv;
import org.cartable.billing.internal.export.InvoicePdf;
import org.cartable.billing.internal.rest.BillingJson.AdjustmentInput;
import org.cartable.billing.internal.rest.BillingJson.CountBody;
import org.cartable.billing.internal.rest.BillingJson.CreditInput;
import org.cartable.billing.internal.rest.BillingJson.InvoiceBody;
import org.cartable.billing.internal.rest.BillingJson.IssueReportBody;
import org.cartable.billing.internal.rest.BillingJson.PriceListBody;
import org.cartable.billing.internal.rest.BillingJson.PriceListInput;
import org.cartable.billing.internal.rest.BillingJson.ProfileBody;
import org.cartable.billing.internal.rest.BillingJson.ProfileInput;
import org.cartable.billing.internal.rest.BillingJson.RunBody;
import org.cartable.billing.internal.rest.BillingJson.StatsBody;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/tools/billing} (routed here by the platform, which has checked the caller holds one of the app's
 * roles): translates HTTP to {@link BillingService} calls and back; the service decides who sees and changes what.
 * Only methods that read a body declare {@code @Consumes}.
 */
@Component(service = AppResource.class)
@Produces(MediaType.APPLICATION_JSON)
public final class BillingResource implements AppResource {

    static final String PDF = "application/pdf";
    static final String CSV = "text/csv; charset=UTF-8";
    static final String ZIP = "application/zip";

    private final BillingService billing;

    @Activate
    public BillingResource(@Reference(name = "billing") BillingService billing) {
        this.billing = billing;
    }

    @Override
    public String appId() {
        return BillingApp.ID;
    }

    /** What the client needs to start: the current school year and whether the caller may change things. */
    public record Overview(int currentYear, boolean manager) {
    }

    @GET
    public Overview overview(@Context SecurityContext security) {
        Caller caller = RestApi.caller(security);
        billing.priceList(caller, billing.currentYear());
        return new Overview(billing.currentYear(), BillingService.manages(caller));
    }

    // ------------------------------------------------------------------------------------------------ price lists

    @GET
    @Path("price-lists/{year}")
    public PriceListBody priceList(@Context SecurityContext security, @PathParam("year") String year) {
        return PriceListBody.of(billing.priceList(RestApi.caller(security), year(year)));
    }

    @PUT
    @Path("price-lists/{year}")
    @Consumes(MediaType.APPLICATION_JSON)
    public PriceListBody savePriceList(@Context SecurityContext security, @PathParam("year") String year,
                                       PriceListInput input) {
        Caller caller = RestApi.caller(security);
        if (input == null) {
            throw CartableException.badRequest("Send the price list as JSON.");
        }
        return PriceListBody.of(billing.savePriceList(caller, input.toPriceList(year(year))));
    }

    // ------------------------------------------------------------------------------------------------ counts

    @GET
    @Path("counts/{year}")
    public List<CountBody> counts(@Context SecurityContext security, @PathParam("year") String year) {
        return billing.counts(RestApi.caller(security), year(year)).stream().map(CountBody::of).toList();
    }

    @POST
    @Path("counts/{year}/{collectivityId}/adjustments")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response adjust(@Context SecurityContext security, @PathParam("year") String year,
                           @PathParam("collectivityId") String collectivityId, AdjustmentInput input) {
        Caller caller = RestApi.caller(security);
        if (input == null || input.delta() == null || input.reason() == null) {
            throw CartableException.badRequest("Send {\"delta\": <pupils, + or ->, \"reason\"}.");
        }
        return Response.status(Response.Status.CREATED)
                .entity(CountBody.of(billing.adjust(caller, year(year), collectivityId, input.delta(),
                        input.reason())))
                .build();
    }

    // ------------------------------------------------------------------------------------------------ profiles

    @GET
    @Path("profiles/{year}")
    public List<ProfileBody> profiles(@Context SecurityContext security, @PathParam("year") String year) {
        return billing.profiles(RestApi.caller(security), year(year)).stream().map(ProfileBody::of).toList();
    }

    @PUT
    @Path("profiles/{year}/{collectivityId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public ProfileBody saveProfile(@Context SecurityContext security, @PathParam("year") String year,
                                   @PathParam("collectivityId") String collectivityId, ProfileInput input) {
        Caller caller = RestApi.caller(security);
        if (input == null || input.mobileOption() == null || input.routingRequired() == null) {
            throw CartableException.badRequest("Send {\"mobileOption\": true|false, \"routingRequired\": true|false,"
                    + " \"serviceCode\", \"engagementNumber\", \"address\"}.");
        }
        return ProfileBody.of(billing.saveProfile(caller, year(year), collectivityId, input.mobileOption(),
                input.serviceCode(), input.engagementNumber(), input.routingRequired(), input.address()));
    }

    // ------------------------------------------------------------------------------------------------ runs

    @POST
    @Path("runs/{year}")
    public Response startRun(@Context SecurityContext security, @PathParam("year") String year) {
        return Response.status(Response.Status.ACCEPTED)
                .entity(RunBody.of(billing.startRun(RestApi.caller(security), year(year))))
                .build();
    }

    @GET
    @Path("runs/{year}")
    public RunBody run(@Context SecurityContext security, @PathParam("year") String year) {
        return RunBody.of(billing.runProgress(RestApi.caller(security), year(year)));
    }

    // ------------------------------------------------------------------------------------------------ invoices

    @GET
    @Path("invoices")
    public List<InvoiceBody> invoices(@Context SecurityContext security, @QueryParam("year") String year,
                                      @QueryParam("status") String status, @QueryParam("kind") String kind,
                                      @QueryParam("collectivityId") String collectivityId) {
        Caller caller = RestApi.caller(security);
        Filter filter = new Filter(year == null ? null : year(year), named(DocumentStatus.class, status, "status"),
                named(DocumentKind.class, kind, "kind"), collectivityId);
        return billing.invoices(caller, filter).stream().map(InvoiceBody::of).toList();
    }

    @GET
    @Path("invoices/{id}")
    public InvoiceBody invoice(@Context SecurityContext security, @PathParam("id") String id) {
        return InvoiceBody.of(billing.invoice(RestApi.caller(security), id));
    }

    @POST
    @Path("invoices/{id}/issue")
    public InvoiceBody issue(@Context SecurityContext security, @PathParam("id") String id) {
        return InvoiceBody.of(billing.issue(RestApi.caller(security), id));
    }

    @POST
    @Path("invoices/issue-all")
    public IssueReportBody issueAll(@Context SecurityContext security, @QueryParam("year") String year) {
        Caller caller = RestApi.caller(security);
        if (year == null) {
            throw CartableException.badRequest("Say which school year: ?year=2026.");
        }
        return IssueReportBody.of(billing.issueAll(caller, year(year)));
    }

    @POST
    @Path("invoices/{id}/credit-notes")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response creditNote(@Context SecurityContext security, @PathParam("id") String id, CreditInput input) {
        Caller caller = RestApi.caller(security);
        if (input == null || input.reason() == null) {
            throw CartableException.badRequest("Send {\"reason\", \"pupils\": <optional, all by default>}.");
        }
        return Response.status(Response.Status.CREATED)
                .entity(InvoiceBody.of(billing.creditNote(caller, id, input.reason(), input.pupils())))
                .build();
    }

    // ------------------------------------------------------------------------------------------------ exports

    @GET
    @Path("invoices/{id}/pdf")
    @Produces(PDF)
    public Response pdf(@Context SecurityContext security, @PathParam("id") String id) {
        Invoice invoice = billing.invoice(RestApi.caller(security), id);
        return file(InvoicePdf.pdf(invoice), PDF, fileName(invoice) + ".pdf");
    }

    @GET
    @Path("invoices/{id}/facturx")
    @Produces(PDF)
    public Response facturX(@Context SecurityContext security, @PathParam("id") String id) {
        Invoice invoice = billing.invoice(RestApi.caller(security), id);
        if (!invoice.issued()) {
            throw CartableException.conflict("A draft has no number: issue it before exporting it as Factur-X.");
        }
        return file(InvoicePdf.facturX(invoice), PDF, fileName(invoice) + "-facturx.pdf");
    }

    @GET
    @Path("invoices/{id}/csv")
    @Produces(CSV)
    public Response csv(@Context SecurityContext security, @PathParam("id") String id) {
        Invoice invoice = billing.invoice(RestApi.caller(security), id);
        return file(InvoiceCsv.write(List.of(invoice)), CSV, fileName(invoice) + ".csv");
    }

    /** Every issued invoice and credit note of the year the caller sees. */
    @GET
    @Path("exports/{year}/invoices.csv")
    @Produces(CSV)
    public Response yearCsv(@Context SecurityContext security, @PathParam("year") String year) {
        int schoolYear = year(year);
        return file(InvoiceCsv.write(issued(RestApi.caller(security), schoolYear)), CSV,
                "factures-" + schoolYear + ".csv");
    }

    /** The batch for the public e-invoicing portal: one Factur-X file per issued document of the year. */
    @GET
    @Path("exports/{year}/facturx.zip")
    @Produces(ZIP)
    public Response yearFacturX(@Context SecurityContext security, @PathParam("year") String year) {
        int schoolYear = year(year);
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            for (Invoice invoice : issued(RestApi.caller(security), schoolYear)) {
                out.putNextEntry(new ZipEntry(fileName(invoice) + ".pdf"));
                out.write(InvoicePdf.facturX(invoice));
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file(zip.toByteArray(), ZIP, "facturx-" + schoolYear + ".zip");
    }

    // ------------------------------------------------------------------------------------------------ statistics

    @GET
    @Path("stats/{year}")
    public StatsBody stats(@Context SecurityContext security, @PathParam("year") String year) {
        return StatsBody.of(billing.stats(RestApi.caller(security), year(year)));
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private List<Invoice> issued(Caller caller, int year) {
        return billing.invoices(caller, new Filter(year, DocumentStatus.ISSUED, null, null));
    }

    static String fileName(Invoice invoice) {
        return invoice.number() != null ? invoice.number()
                : "brouillon-" + invoice.collectivityId().replaceAll("[^A-Za-z0-9-]", "_");
    }

    private static Response file(byte[] content, String type, String name) {
        return Response.ok(content, type)
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .header("Cache-Control", "no-store")
                .build();
    }

    private static int year(String value) {
        return RestApi.wholeNumber(value, "A school year is named by its first year, e.g. 2026 for 2026-2027.");
    }

    private static <E extends Enum<E>> E named(Class<E> type, String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw CartableException.badRequest("Unknown '" + field + "': " + value + ".");
        }
    }
}
