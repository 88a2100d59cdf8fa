package org.cartable.directoryimport.internal.format;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The formats the importer knows. A new format is a new {@link ImportFormat} listed here. */
public final class Formats {

    private static final List<ImportFormat> ALL = List.of(new OndeFormat(), new OneRosterFormat(),
            new GenericCsvFormat(), new StaffFormat());

    private Formats() {
    }

    public static Optional<ImportFormat> byId(String id) {
        return ALL.stream().filter(f -> f.id().equals(id)).findFirst();
    }

    public static List<String> ids() {
        return ALL.stream().map(ImportFormat::id).toList();
    }

    /** Refuses a column mapping that the format cannot use (BAD_REQUEST). */
    public static void checkMapping(ImportFormat format, Map<String, String> mapping) {
        if (format instanceof GenericCsvFormat) {
            GenericCsvFormat.check(mapping);
        } else if (!mapping.isEmpty()) {
            throw org.cartable.api.CartableException.badRequest("Only the csv format takes a column mapping.");
        }
    }
}
