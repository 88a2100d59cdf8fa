package org.cartable.billing.internal.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import org.cartable.api.CartableException;
import org.cartable.billing.internal.Adjustment;
import org.cartable.billing.internal.BillingService.IssueReport;
import org.cartable.billing.internal.CostStats;
import org.cartable.billing.internal.Invoice;
import org.cartable.billing.internal.InvoiceLine;
import org.cartable.billing.internal.Issuer;
import org.cartable.billing.internal.PriceList;
import org.cartable.billing.internal.Profile;
import org.cartable.billing.internal.PupilCount;
import org.cartable.billing.internal.Recipient;
import org.cartable.billing.internal.RunProgress;
import org.cartable.billing.internal.Totals;

/**
 * The JSON bodies of the billing REST API (docs/rest-api.md). Amounts are JSON numbers with 2 decimals (euros,
 * excluding VAT unless named otherwise), VAT rates percentages, dates ISO-8601 strings.
 */
public final class BillingJson {

    private BillingJson() {
    }

    /** {@code PUT /price-lists/{year}}: every field required. */
    public record PriceListInput(BigDecimal membershipMember, BigDecimal membershipNonMember, BigDecimal support,
                                 BigDecimal licence, BigDecimal mobile, BigDecimal vatRate, String censusDate) {
        PriceList toPriceList(int year) {
            if (membershipMember == null || membershipNonMember == null || support == null || licence == null
                    || mobile == null || vatRate == null || censusDate == null) {
                throw CartableException.badRequest("Send {\"membershipMember\", \"membershipNonMember\", \"support\","
                        + " \"licence\", \"mobile\", \"vatRate\", \"censusDate\": \"YYYY-MM-DD\"}.");
            }
            return new PriceList(year, membershipMember, membershipNonMember, support, licence, mobile, vatRate,
                    date(censusDate, "censusDate"), false);
        }
    }

    public record PriceListBody(int year, String schoolYear, BigDecimal membershipMember,
                                BigDecimal membershipNonMember, BigDecimal support, BigDecimal licence,
                                BigDecimal mobile, BigDecimal vatRate, String censusDate, boolean saved) {
        static PriceListBody of(PriceList p) {
            return new PriceListBody(p.year(), p.year() + "-" + (p.year() + 1), p.membershipMember(),
                    p.membershipNonMember(), p.support(), p.licence(), p.mobile(), p.vatRate(),
                    p.censusDate().toString(), p.saved());
        }
    }

    public record AdjustmentInput(Integer delta, String reason) {
    }

    public record AdjustmentBody(String id, int delta, String reason, String authorId, String authorName,
                                 String createdAt) {
        static AdjustmentBody of(Adjustment a) {
            return new AdjustmentBody(a.id(), a.delta(), a.reason(), a.authorId(), a.authorName(),
                    instant(a.createdAt()));
        }
    }

    public record CountBody(String collectivityId, String name, boolean member, int enrolled,
                            List<AdjustmentBody> adjustments, int total) {
        static CountBody of(PupilCount c) {
            return new CountBody(c.collectivityId(), c.name(), c.member(), c.enrolled(),
                    c.adjustments().stream().map(AdjustmentBody::of).toList(), c.total());
        }
    }

    public record ProfileInput(Boolean mobileOption, String serviceCode, String engagementNumber,
                               Boolean routingRequired, String address) {
    }

    public record ProfileBody(String collectivityId, String name, boolean member, String siret, int year,
                              boolean mobileOption, String serviceCode, String engagementNumber,
                              boolean routingRequired, String address) {
        static ProfileBody of(Profile p) {
            return new ProfileBody(p.collectivityId(), p.name(), p.member(), p.siret(), p.year(), p.mobileOption(),
                    p.serviceCode(), p.engagementNumber(), p.routingRequired(), p.address());
        }
    }

    public record RunBody(int year, String state, int done, int total, int percent, int created, int skipped,
                          String message) {
        static RunBody of(RunProgress r) {
            return new RunBody(r.year(), r.state().name(), r.done(), r.total(), r.percent(), r.created(),
                    r.skipped(), r.message());
        }
    }

    public record LineBody(String code, String description, int quantity, BigDecimal unitPrice, BigDecimal vatRate,
                           BigDecimal amount) {
        static LineBody of(InvoiceLine l) {
            return new LineBody(l.code(), l.description(), l.quantity(), l.unitPrice(), l.vatRate(), l.amount());
        }
    }

    public record VatBody(BigDecimal rate, BigDecimal basis, BigDecimal amount) {
        static VatBody of(Totals.VatAmount v) {
            return new VatBody(v.rate(), v.basis(), v.amount());
        }
    }

    public record InvoiceBody(String id, String kind, String status, String number, int year, String collectivityId,
                              Recipient recipient, IssuerBody issuer, int pupils, List<LineBody> lines,
                              List<VatBody> vat, BigDecimal totalExcl, BigDecimal totalVat, BigDecimal totalIncl,
                              String issueDate, String dueDate, String originalId, String originalNumber,
                              String reason) {
        static InvoiceBody of(Invoice i) {
            return new InvoiceBody(i.id(), i.kind().name(), i.status().name(), i.number(), i.year(),
                    i.collectivityId(), i.recipient(), IssuerBody.of(i.issuer()), i.pupils(),
                    i.lines().stream().map(LineBody::of).toList(),
                    i.totals().breakdown().stream().map(VatBody::of).toList(),
                    i.totals().excl(), i.totals().vat(), i.totals().incl(), day(i.issueDate()), day(i.dueDate()),
                    i.originalId(), i.originalNumber(), i.reason());
        }
    }

    public record IssuerBody(String name, String siret, String vatNumber, String address, String iban,
                             String paymentTerms) {
        static IssuerBody of(Issuer i) {
            return new IssuerBody(i.name(), i.siret(), i.vatNumber(), i.address(), i.iban(), i.paymentTerms());
        }
    }

    public record CreditInput(String reason, Integer pupils) {
    }

    public record IssueReportBody(List<String> issued, Map<String, String> refused) {
        static IssueReportBody of(IssueReport r) {
            return new IssueReportBody(r.issued(), r.refused());
        }
    }

    public record StatsRow(String collectivityId, String name, int pupils, BigDecimal totalExcl,
                           BigDecimal perPupil, boolean issued) {
    }

    public record StatsBody(int year, List<StatsRow> collectivities, int pupils, BigDecimal totalExcl,
                            BigDecimal averagePerPupil) {
        static StatsBody of(CostStats s) {
            return new StatsBody(s.year(), s.collectivities().stream()
                    .map(r -> new StatsRow(r.collectivityId(), r.name(), r.pupils(), r.totalExcl(), r.perPupil(),
                            r.issued()))
                    .toList(), s.pupils(), s.totalExcl(), s.averagePerPupil());
        }
    }

    static LocalDate date(String value, String field) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw CartableException.badRequest("'" + field + "' must be a date like 2026-10-01.");
        }
    }

    private static String day(LocalDate day) {
        return day == null ? null : day.toString();
    }

    private static String instant(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
