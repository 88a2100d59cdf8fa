package org.cartable.billing.internal;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An invoice's totals. VAT is computed once per rate on the sum of the lines at that rate (not per line), as
 * EN 16931 does, so the file and the PDF agree to the cent.
 */
public record Totals(BigDecimal excl, List<VatAmount> breakdown, BigDecimal vat, BigDecimal incl) implements Serializable {

    /** The VAT due at one rate. */
    public record VatAmount(BigDecimal rate, BigDecimal basis, BigDecimal amount) implements Serializable {
    }

    public static Totals of(List<InvoiceLine> lines) {
        Map<BigDecimal, BigDecimal> basisPerRate = new TreeMap<>();
        BigDecimal excl = Money.ZERO;
        for (InvoiceLine line : lines) {
            excl = excl.add(line.amount());
            basisPerRate.merge(line.vatRate(), line.amount(), BigDecimal::add);
        }
        List<VatAmount> breakdown = basisPerRate.entrySet().stream()
                .map(e -> new VatAmount(e.getKey(), e.getValue(), Money.percent(e.getValue(), e.getKey())))
                .toList();
        BigDecimal vat = breakdown.stream().map(VatAmount::amount).reduce(Money.ZERO, BigDecimal::add);
        return new Totals(excl, breakdown, vat, excl.add(vat));
    }
}
