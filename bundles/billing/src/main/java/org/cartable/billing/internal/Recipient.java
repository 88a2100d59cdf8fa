package org.cartable.billing.internal;

import java.io.Serializable;

/**
 * Who an invoice is addressed to, as printed on it.
 *
 * @param serviceCode      the recipient's service code on the public e-invoicing portal (Chorus Pro), if any
 * @param engagementNumber the legal commitment (engagement juridique) number, if any
 */
public record Recipient(String name, String siret, String address, String serviceCode, String engagementNumber)
        implements Serializable {
}
