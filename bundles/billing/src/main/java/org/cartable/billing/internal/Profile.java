package org.cartable.billing.internal;

import java.io.Serializable;

/**
 * A collectivity's billing data for a school year (defaults until an operator saves it).
 *
 * @param routingRequired whether the recipient requires a service code and an engagement number on its invoices
 *                        (then issuing without them is refused)
 */
public record Profile(String collectivityId, String name, boolean member, String siret, int year,
                      boolean mobileOption, String serviceCode, String engagementNumber, boolean routingRequired,
                      String address) implements Serializable {
}
