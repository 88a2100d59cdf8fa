package org.cartable.api;

/** Grade levels of French primary schools (CP–CM2) and lower secondary schools (6e–3e). */
public enum Grade {
    CP(true), CE1(true), CE2(true), CM1(true), CM2(true),
    SIXIEME(false), CINQUIEME(false), QUATRIEME(false), TROISIEME(false);

    private final boolean primary;

    Grade(boolean primary) {
        this.primary = primary;
    }

    /** @return true for CP–CM2, false for 6e–3e */
    public boolean isPrimary() {
        return primary;
    }
}
