package org.cartable.billing.internal;

import java.io.Serializable;
import java.math.BigDecimal;

/**
 * One line: {@code amount = round(quantity × unitPrice)}, excluding VAT.
 *
 * @param code a stable component code (MEMBERSHIP, SUPPORT, LICENCE, MOBILE)
 */
public record InvoiceLine(String code, String description, int quantity, BigDecimal unitPrice, BigDecimal vatRate,
                          BigDecimal amount) implements Serializable {

    public static InvoiceLine of(String code, String description, int quantity, BigDecimal unitPrice,
                                 BigDecimal vatRate) {
        return new InvoiceLine(code, description, quantity, unitPrice, vatRate,
                Money.round(unitPrice.multiply(BigDecimal.valueOf(quantity))));
    }
}
