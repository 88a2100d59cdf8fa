package org.cartable.billing.internal;

import java.io.Serializable;

/**
 * The purchasing body that issues the invoices (from {@code etc/org.cartable.billing.cfg}).
 *
 * @param paymentDays days between issue and due date
 */
public record Issuer(String name, String siret, String vatNumber, String address, String iban, String paymentTerms,
                     int paymentDays) implements Serializable {
}
