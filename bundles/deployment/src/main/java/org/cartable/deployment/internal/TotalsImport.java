package org.cartable.deployment.internal;

import java.io.Serializable;
import java.util.List;

/**
 * Outcome of importing reference totals: the good lines are applied, each bad one is reported and changes nothing.
 *
 * @param applied  lines applied
 * @param rejected lines refused, with the reason
 */
public record TotalsImport(int applied, List<Rejected> rejected) implements Serializable {

    public record Rejected(int line, String reason) implements Serializable {
    }
}
