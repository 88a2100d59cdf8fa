package org.cartable.directoryimport.internal.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.cartable.api.CartableException;

/** The generic CSV's column mapping as typed in the form: one "field = Header" per line. */
final class Mappings {

    private Mappings() {
    }

    static Map<String, String> parse(String text) {
        Map<String, String> mapping = new LinkedHashMap<>();
        if (text == null) {
            return mapping;
        }
        for (String line : text.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            int equals = line.indexOf('=');
            if (equals <= 0) {
                throw CartableException.badRequest("Write the mapping as 'field = Header', one per line: " + line);
            }
            mapping.put(line.substring(0, equals).trim(), line.substring(equals + 1).trim());
        }
        return mapping;
    }
}
