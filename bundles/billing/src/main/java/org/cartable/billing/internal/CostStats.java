package org.cartable.billing.internal;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;

/**
 * What a school year costs per pupil: per collectivity, and on average weighted by pupils
 * ({@code Σ amounts / Σ pupils}), from the year's invoices net of credit notes, excluding VAT.
 */
public record CostStats(int year, List<Row> collectivities, int pupils, BigDecimal totalExcl,
                        BigDecimal averagePerPupil) implements Serializable {

    public CostStats {
        collectivities = List.copyOf(collectivities);
    }

    /** One collectivity's net invoiced amount; {@code issued} false when it only has a draft so far. */
    public record Row(String collectivityId, String name, int pupils, BigDecimal totalExcl, BigDecimal perPupil,
                      boolean issued) implements Serializable {
    }
}
