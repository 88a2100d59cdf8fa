package org.cartable.directoryimport.internal.format;

import java.util.Map;

/**
 * What a format may need beyond the files.
 *
 * @param schoolYear "2026-2027"; records of another year are rejected where the format tells the year
 * @param mapping    for the generic CSV: field name → column header (see {@code GenericCsvFormat}); empty otherwise
 */
public record FormatOptions(String schoolYear, Map<String, String> mapping) {

    public FormatOptions {
        mapping = mapping == null ? Map.of() : Map.copyOf(mapping);
    }
}
