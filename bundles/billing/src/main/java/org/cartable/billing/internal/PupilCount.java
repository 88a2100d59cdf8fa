package org.cartable.billing.internal;

import java.io.Serializable;
import java.util.List;

/**
 * The pupils billed to a collectivity for a school year.
 *
 * @param enrolled    pupils enrolled in its schools on the census date, from the directory
 * @param adjustments manual corrections, oldest first
 * @param total       enrolled + the corrections' deltas (never below zero)
 */
public record PupilCount(String collectivityId, String name, boolean member, int enrolled,
                         List<Adjustment> adjustments, int total) implements Serializable {

    public PupilCount {
        adjustments = List.copyOf(adjustments);
    }
}
