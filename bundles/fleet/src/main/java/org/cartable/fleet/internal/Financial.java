package org.cartable.fleet.internal;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The financial and administrative record of a device, as asset-management tools keep it.
 *
 * @param supplier          supplier's name
 * @param orderNumber       purchase order number
 * @param deliveryNumber    delivery note number
 * @param invoiceNumber     invoice number
 * @param assetNumber       fixed-asset (immobilisation) number
 * @param funding           funding source or budget line (e.g. a State programme)
 * @param purchaseDate      date of purchase; the warranty runs from it
 * @param startOfUseDate    date of first service; depreciation runs from it (from the purchase date until then)
 * @param value             purchase value in euros, tax included
 * @param warrantyMonths    warranty duration
 * @param depreciationYears linear depreciation duration
 */
public record Financial(String supplier, String orderNumber, String deliveryNumber, String invoiceNumber,
                        String assetNumber, String funding, LocalDate purchaseDate, LocalDate startOfUseDate,
                        BigDecimal value, Integer warrantyMonths, Integer depreciationYears) implements Serializable {

    public static Financial empty() {
        return new Financial(null, null, null, null, null, null, null, null, null, null, null);
    }

    /** @return the last day of warranty, or null when the purchase date or duration is unknown */
    public LocalDate warrantyExpiry() {
        if (purchaseDate == null || warrantyMonths == null) {
            return null;
        }
        return purchaseDate.plusMonths(warrantyMonths).minusDays(1);
    }

    public boolean underWarranty(LocalDate day) {
        LocalDate expiry = warrantyExpiry();
        return expiry != null && !day.isAfter(expiry);
    }

    /** @return the date depreciation starts: start of use, else purchase */
    public LocalDate depreciationStart() {
        return startOfUseDate != null ? startOfUseDate : purchaseDate;
    }

    /**
     * Linear depreciation, pro rata temporis by days: the value falls evenly from the start of depreciation to zero
     * at its end.
     *
     * @return the net book value on that day, in cents-rounded euros; the full value when depreciation is not set,
     *         null when the value is unknown
     */
    public BigDecimal netBookValue(LocalDate day) {
        if (value == null) {
            return null;
        }
        LocalDate start = depreciationStart();
        if (start == null || depreciationYears == null || depreciationYears <= 0 || !day.isAfter(start)) {
            return value.setScale(2, RoundingMode.HALF_UP);
        }
        LocalDate end = start.plusYears(depreciationYears);
        if (!day.isBefore(end)) {
            return BigDecimal.ZERO.setScale(2);
        }
        long total = ChronoUnit.DAYS.between(start, end);
        long remaining = ChronoUnit.DAYS.between(day, end);
        return value.multiply(BigDecimal.valueOf(remaining))
                .divide(BigDecimal.valueOf(total), 2, RoundingMode.HALF_UP);
    }

    /** @return the yearly depreciation charge, or null */
    public BigDecimal annualDepreciation() {
        if (value == null || depreciationYears == null || depreciationYears <= 0) {
            return null;
        }
        return value.divide(BigDecimal.valueOf(depreciationYears), 2, RoundingMode.HALF_UP);
    }

    /** @return the same record with the start of use set, when it was not */
    Financial startedOn(LocalDate day) {
        return startOfUseDate != null ? this : new Financial(supplier, orderNumber, deliveryNumber, invoiceNumber,
                assetNumber, funding, purchaseDate, day, value, warrantyMonths, depreciationYears);
    }
}
