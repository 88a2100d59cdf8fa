package org.cartable.billing.internal;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The prices of a school year, per pupil and per year, excluding VAT.
 *
 * @param year                first calendar year of the school year (2026 = 2026-2027)
 * @param membershipMember    purchasing-centre membership fee for member collectivities (free by default)
 * @param membershipNonMember the same fee for non-members
 * @param support             technical support
 * @param licence             platform licence
 * @param mobile              mobile app option, billed only to collectivities that subscribed
 * @param vatRate             VAT rate in percent applied to every component (0 when the fees are not subject to
 *                            VAT, see the README)
 * @param censusDate          the day whose enrolments count
 * @param saved               false while the defaults apply
 */
public record PriceList(int year, BigDecimal membershipMember, BigDecimal membershipNonMember, BigDecimal support,
                        BigDecimal licence, BigDecimal mobile, BigDecimal vatRate, LocalDate censusDate,
                        boolean saved) implements Serializable {

    /** The prices: 0 / 0.50 membership, 0.50 support, 0.50 licence, 0.30 mobile, 20 % VAT, 1 October. */
    public static PriceList defaults(int year) {
        return new PriceList(year, Money.of("0.00"), Money.of("0.50"), Money.of("0.50"), Money.of("0.50"),
                Money.of("0.30"), Money.of("20.00"), LocalDate.of(year, 10, 1), false);
    }
}
