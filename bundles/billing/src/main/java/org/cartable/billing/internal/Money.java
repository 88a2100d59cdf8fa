package org.cartable.billing.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Euros as {@link BigDecimal} with 2 decimals, rounded half up (the French accounting convention). */
public final class Money {

    public static final BigDecimal ZERO = of("0.00");
    private static final BigDecimal HUNDRED = new BigDecimal(100);

    private Money() {
    }

    public static BigDecimal of(String amount) {
        return new BigDecimal(amount).setScale(2, RoundingMode.UNNECESSARY);
    }

    public static BigDecimal round(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    /** @return {@code basis × rate %}, rounded */
    public static BigDecimal percent(BigDecimal basis, BigDecimal rate) {
        return round(basis.multiply(rate).divide(HUNDRED));
    }

    /** "1 234,56" style is for people; files and JSON use this plain form. */
    public static String plain(BigDecimal amount) {
        return round(amount).toPlainString();
    }
}
