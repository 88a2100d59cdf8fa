package org.cartable.billing.internal.data;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import javax.persistence.CollectionTable;
import javax.persistence.Column;
import javax.persistence.ElementCollection;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.FetchType;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.OrderColumn;
import javax.persistence.Table;
import javax.persistence.Version;

import org.cartable.billing.internal.DocumentKind;
import org.cartable.billing.internal.DocumentStatus;
import org.cartable.billing.internal.Invoice;
import org.cartable.billing.internal.InvoiceLine;
import org.cartable.billing.internal.Issuer;
import org.cartable.billing.internal.Recipient;
import org.cartable.billing.internal.Totals;

/**
 * An invoice or a credit note. A draft's recipient, issuer and lines may change (billing runs, profile edits); the
 * issue copies the last of them for good and the service refuses any change afterwards.
 */
@Entity
@Table(name = "BILLING_INVOICE")
public class InvoiceEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Enumerated(EnumType.STRING)
    @Column(name = "KIND", length = 16, nullable = false, updatable = false)
    private DocumentKind kind;

    @Enumerated(EnumType.STRING)
    @Column(name = "STATUS", length = 16, nullable = false)
    private DocumentStatus status;

    @Column(name = "NUMBER", length = 32)
    private String number;

    @Column(name = "SCHOOL_YEAR", nullable = false, updatable = false)
    private int year;

    @Column(name = "COLLECTIVITY_ID", length = 64, nullable = false, updatable = false)
    private String collectivityId;

    @Column(name = "RECIPIENT_NAME", length = 200, nullable = false)
    private String recipientName;
    @Column(name = "RECIPIENT_SIRET", length = 14)
    private String recipientSiret;
    @Column(name = "RECIPIENT_ADDRESS", length = 500)
    private String recipientAddress;
    @Column(name = "SERVICE_CODE", length = 100)
    private String serviceCode;
    @Column(name = "ENGAGEMENT_NUMBER", length = 50)
    private String engagementNumber;

    @Column(name = "ISSUER_NAME", length = 200)
    private String issuerName;
    @Column(name = "ISSUER_SIRET", length = 14)
    private String issuerSiret;
    @Column(name = "ISSUER_VAT_NUMBER", length = 20)
    private String issuerVatNumber;
    @Column(name = "ISSUER_ADDRESS", length = 500)
    private String issuerAddress;
    @Column(name = "ISSUER_IBAN", length = 40)
    private String issuerIban;
    @Column(name = "PAYMENT_TERMS", length = 500)
    private String paymentTerms;

    @Column(name = "PUPILS", nullable = false)
    private int pupils;
    @Column(name = "TOTAL_EXCL", precision = 12, scale = 2, nullable = false)
    private BigDecimal totalExcl;
    @Column(name = "TOTAL_VAT", precision = 12, scale = 2, nullable = false)
    private BigDecimal totalVat;
    @Column(name = "TOTAL_INCL", precision = 12, scale = 2, nullable = false)
    private BigDecimal totalIncl;

    @Column(name = "ISSUE_DATE")
    private LocalDate issueDate;
    @Column(name = "DUE_DATE")
    private LocalDate dueDate;

    @Column(name = "ORIGINAL_ID", length = 36, updatable = false)
    private String originalId;
    @Column(name = "ORIGINAL_NUMBER", length = 32, updatable = false)
    private String originalNumber;
    @Column(name = "REASON", length = 500)
    private String reason;

    @Column(name = "CREATED_AT", nullable = false, updatable = false)
    private Instant createdAt;
    @Column(name = "ISSUED_AT")
    private Instant issuedAt;
    @Column(name = "ISSUED_BY", length = 64)
    private String issuedBy;

    /* Two people issuing the same draft at once: the second commit fails instead of numbering it twice. */
    @Version
    @Column(name = "VERSION", nullable = false)
    private int version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "BILLING_INVOICE_LINE", joinColumns = @JoinColumn(name = "INVOICE_ID"))
    @OrderColumn(name = "POSITION")
    private List<LineEmbeddable> lines = new ArrayList<>();

    protected InvoiceEntity() {
        // for JPA
    }

    public InvoiceEntity(String id, DocumentKind kind, int year, String collectivityId, String originalId,
                         String originalNumber, String reason, Instant createdAt) {
        this.id = id;
        this.kind = kind;
        this.status = DocumentStatus.DRAFT;
        this.year = year;
        this.collectivityId = collectivityId;
        this.originalId = originalId;
        this.originalNumber = originalNumber;
        this.reason = reason;
        this.createdAt = createdAt;
    }

    public String id() {
        return id;
    }

    public DocumentKind kind() {
        return kind;
    }

    public DocumentStatus status() {
        return status;
    }

    public String collectivityId() {
        return collectivityId;
    }

    public int year() {
        return year;
    }

    public String originalId() {
        return originalId;
    }

    public int pupils() {
        return pupils;
    }

    public BigDecimal totalExcl() {
        return totalExcl;
    }

    public String number() {
        return number;
    }

    /** Sets the recipient and its routing data (drafts only: the service checks). */
    public void recipient(Recipient recipient) {
        recipientName = recipient.name();
        recipientSiret = recipient.siret();
        recipientAddress = recipient.address();
        serviceCode = recipient.serviceCode();
        engagementNumber = recipient.engagementNumber();
    }

    public void issuer(Issuer issuer) {
        issuerName = issuer.name();
        issuerSiret = issuer.siret();
        issuerVatNumber = issuer.vatNumber();
        issuerAddress = issuer.address();
        issuerIban = issuer.iban();
        paymentTerms = issuer.paymentTerms();
    }

    public void content(int pupils, List<InvoiceLine> newLines, Totals totals) {
        this.pupils = pupils;
        lines.clear();
        newLines.forEach(line -> lines.add(LineEmbeddable.of(line)));
        totalExcl = totals.excl();
        totalVat = totals.vat();
        totalIncl = totals.incl();
    }

    public void issue(String number, LocalDate issueDate, LocalDate dueDate, String by, Instant now) {
        this.number = number;
        this.issueDate = issueDate;
        this.dueDate = dueDate;
        this.issuedBy = by;
        this.issuedAt = now;
        this.status = DocumentStatus.ISSUED;
    }

    public Invoice toInvoice() {
        List<InvoiceLine> copy = lines.stream().map(LineEmbeddable::toLine).toList();
        return new Invoice(id, kind, status, number, year, collectivityId,
                new Recipient(recipientName, recipientSiret, recipientAddress, serviceCode, engagementNumber),
                new Issuer(issuerName, issuerSiret, issuerVatNumber, issuerAddress, issuerIban, paymentTerms, 0),
                pupils, copy, Totals.of(copy), issueDate, dueDate, originalId, originalNumber, reason, createdAt,
                issuedAt);
    }
}
