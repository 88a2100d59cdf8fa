package org.cartable.billing.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The invoice lines of a collectivity for a school year: one line per component, billed per pupil. The membership
 * line is printed for members too, at its member price (free by default), so the invoice shows why it costs less.
 */
public final class Pricing {

    public static final String MEMBERSHIP = "MEMBERSHIP";
    public static final String SUPPORT = "SUPPORT";
    public static final String LICENCE = "LICENCE";
    public static final String MOBILE = "MOBILE";

    private Pricing() {
    }

    public static List<InvoiceLine> lines(PriceList prices, boolean member, boolean mobileOption, int pupils) {
        String year = SchoolYear.label(prices.year());
        List<InvoiceLine> lines = new ArrayList<>();
        lines.add(InvoiceLine.of(MEMBERSHIP, "Adhésion à la centrale d'achat " + year
                        + (member ? " (collectivité membre)" : " (collectivité non membre)") + ", par élève",
                pupils, member ? prices.membershipMember() : prices.membershipNonMember(), prices.vatRate()));
        lines.add(InvoiceLine.of(SUPPORT, "Assistance technique " + year + ", par élève", pupils, prices.support(),
                prices.vatRate()));
        lines.add(InvoiceLine.of(LICENCE, "Licence de la plateforme " + year + ", par élève", pupils,
                prices.licence(), prices.vatRate()));
        if (mobileOption) {
            lines.add(InvoiceLine.of(MOBILE, "Option application mobile " + year + ", par élève", pupils,
                    prices.mobile(), prices.vatRate()));
        }
        return lines;
    }

    /** The same lines for {@code quantity} pupils: a credit note cancels all or part of an invoice. */
    public static List<InvoiceLine> credit(List<InvoiceLine> original, int quantity) {
        return original.stream()
                .map(line -> InvoiceLine.of(line.code(), line.description(), quantity, line.unitPrice(),
                        line.vatRate()))
                .toList();
    }
}
