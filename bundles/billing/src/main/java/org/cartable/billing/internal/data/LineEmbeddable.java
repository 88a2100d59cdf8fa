package org.cartable.billing.internal.data;

import java.math.BigDecimal;

import javax.persistence.Column;
import javax.persistence.Embeddable;

import org.cartable.billing.internal.InvoiceLine;

/** One line of an invoice, stored in BILLING_INVOICE_LINE. */
@Embeddable
public class LineEmbeddable {

    @Column(name = "CODE", length = 32, nullable = false)
    private String code;

    @Column(name = "DESCRIPTION", length = 300, nullable = false)
    private String description;

    @Column(name = "QUANTITY", nullable = false)
    private int quantity;

    @Column(name = "UNIT_PRICE", precision = 10, scale = 2, nullable = false)
    private BigDecimal unitPrice;

    @Column(name = "VAT_RATE", precision = 5, scale = 2, nullable = false)
    private BigDecimal vatRate;

    @Column(name = "AMOUNT_EXCL", precision = 12, scale = 2, nullable = false)
    private BigDecimal amount;

    protected LineEmbeddable() {
        // for JPA
    }

    public static LineEmbeddable of(InvoiceLine line) {
        LineEmbeddable stored = new LineEmbeddable();
        stored.code = line.code();
        stored.description = line.description();
        stored.quantity = line.quantity();
        stored.unitPrice = line.unitPrice();
        stored.vatRate = line.vatRate();
        stored.amount = line.amount();
        return stored;
    }

    public InvoiceLine toLine() {
        return new InvoiceLine(code, description, quantity, unitPrice, vatRate, amount);
    }
}
