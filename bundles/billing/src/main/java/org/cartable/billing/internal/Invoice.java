package org.cartable.billing.internal;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An invoice or credit note as shown and exported. Amounts of a credit note are positive: its kind says they are
 * owed back.
 *
 * @param number         null while a draft
 * @param issuer         the issuer copied at issue (the current one on drafts)
 * @param originalId     for a credit note, the invoice it corrects
 * @param originalNumber for a credit note, the number of that invoice
 * @param reason         for a credit note, why it was made
 */
public record Invoice(String id, DocumentKind kind, DocumentStatus status, String number, int year,
                      String collectivityId, Recipient recipient, Issuer issuer, int pupils, List<InvoiceLine> lines,
                      Totals totals, LocalDate issueDate, LocalDate dueDate, String originalId, String originalNumber,
                      String reason, Instant createdAt, Instant issuedAt) implements Serializable {

    public Invoice {
        lines = List.copyOf(lines);
    }

    public boolean issued() {
        return status == DocumentStatus.ISSUED;
    }
}
