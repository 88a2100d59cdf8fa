package org.cartable.deployment.internal;

import java.io.Serializable;
import java.time.LocalDate;

/** Coverage of the visible territory on one past day (sum over its collectivities). */
public record HistoryPoint(LocalDate day, int schoolsOnEnt, Integer schoolsTotal, Double schoolsPercent,
                           int pupilsOnEnt, Integer pupilsTotal, Double pupilsPercent) implements Serializable {

    public static HistoryPoint of(LocalDate day, int schoolsOnEnt, Integer schoolsTotal, int pupilsOnEnt,
                                  Integer pupilsTotal) {
        return new HistoryPoint(day, schoolsOnEnt, schoolsTotal, CoverageRow.percent(schoolsOnEnt, schoolsTotal),
                pupilsOnEnt, pupilsTotal, CoverageRow.percent(pupilsOnEnt, pupilsTotal));
    }
}
