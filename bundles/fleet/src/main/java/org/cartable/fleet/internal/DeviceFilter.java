package org.cartable.fleet.internal;

import java.io.Serializable;
import java.util.Locale;

/**
 * A search in the fleet; null fields do not filter.
 *
 * @param text part of the tag, model or serial, any case
 */
public record DeviceFilter(String schoolId, String collectivityId, DeviceState state, DeviceKind kind, String text)
        implements Serializable {

    public static DeviceFilter all() {
        return new DeviceFilter(null, null, null, null, null);
    }

    boolean matchesText(Device device) {
        if (text == null || text.isBlank()) {
            return true;
        }
        String needle = text.strip().toLowerCase(Locale.ROOT);
        return contains(device.tag(), needle) || contains(device.model(), needle) || contains(device.serial(), needle);
    }

    private static boolean contains(String haystack, String needle) {
        return haystack != null && haystack.toLowerCase(Locale.ROOT).contains(needle);
    }
}
