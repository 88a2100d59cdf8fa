package org.cartable.billing.internal;

/** An invoice or a credit note; each has its own numbering series. */
public enum DocumentKind {
    INVOICE("F"),
    CREDIT_NOTE("A");

    private final String series;

    DocumentKind(String series) {
        this.series = series;
    }

    /** @return the prefix of the numbers: F-2026-000001, A-2026-000001 */
    public String series() {
        return series;
    }
}
