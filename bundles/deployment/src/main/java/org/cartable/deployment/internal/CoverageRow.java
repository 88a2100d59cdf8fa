package org.cartable.deployment.internal;

import java.io.Serializable;

/**
 * What the ENT covers in one collectivity (or the whole visible territory), against the territory's reference totals.
 *
 * @param collectivityId null for the overall row
 * @param schoolsTotal   all schools of the territory, null while no operator has entered it
 * @param schoolsPercent share of those schools on the ENT (one decimal), null while the total is unknown
 * @param pupilsTotal    all pupils of the territory, null while unknown
 * @param pupilsPercent  share of those pupils on the ENT, null while the total is unknown
 */
public record CoverageRow(String collectivityId, String name, int schoolsOnEnt, Integer schoolsTotal,
                          Double schoolsPercent, int pupilsOnEnt, Integer pupilsTotal, Double pupilsPercent)
        implements Serializable {

    public static CoverageRow of(String collectivityId, String name, int schoolsOnEnt, Integer schoolsTotal,
                                 int pupilsOnEnt, Integer pupilsTotal) {
        return new CoverageRow(collectivityId, name, schoolsOnEnt, schoolsTotal, percent(schoolsOnEnt, schoolsTotal),
                pupilsOnEnt, pupilsTotal, percent(pupilsOnEnt, pupilsTotal));
    }

    static Double percent(int part, Integer total) {
        if (total == null || total == 0) {
            return null;
        }
        return Math.round(part * 1000.0 / total) / 10.0;
    }
}
