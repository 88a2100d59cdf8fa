package org.cartable.deployment.internal;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/** Coverage on a day: one row per visible collectivity, and their sum. */
public record Coverage(LocalDate day, List<CoverageRow> collectivities, CoverageRow overall) implements Serializable {
}
