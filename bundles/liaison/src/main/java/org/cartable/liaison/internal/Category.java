package org.cartable.liaison.internal;

/** What a word is about; each has the icon shown beside its title. */
public enum Category {
    INFO("ℹ️"),
    SORTIE("🚌"),
    REUNION("👥"),
    SANTE("🩺"),
    PISCINE("🏊"),
    MATERIEL("✏️"),
    FETE("🎉");

    private final String icon;

    Category(String icon) {
        this.icon = icon;
    }

    public String icon() {
        return icon;
    }
}
