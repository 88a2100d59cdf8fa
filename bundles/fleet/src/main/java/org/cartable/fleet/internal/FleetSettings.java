package org.cartable.fleet.internal;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;

/**
 * The fleet's settings, read once from {@link FleetConfig}.
 *
 * @param maxAgeYears       renewal age
 * @param replacementPrices price of a new device per kind (kinds without a price count as 0)
 * @param ownTargetDays     working days to take a ticket in charge
 * @param resolveTargetDays working days to solve a ticket
 * @param workingDays       the school calendar
 */
public record FleetSettings(int maxAgeYears, Map<DeviceKind, BigDecimal> replacementPrices, int ownTargetDays,
                            int resolveTargetDays, WorkingDays workingDays) {

    public FleetSettings {
        replacementPrices = Map.copyOf(replacementPrices);
    }

    /** @throws IllegalArgumentException on an unreadable setting, so that a typo does not go unnoticed */
    public static FleetSettings of(FleetConfig config) {
        Map<DeviceKind, BigDecimal> prices = new EnumMap<>(DeviceKind.class);
        // a .cfg file gives lists as one comma-separated string
        for (String entry : split(config.replacementPrices())) {
            String[] kindPrice = entry.split("=", 2);
            if (kindPrice.length != 2) {
                throw new IllegalArgumentException("replacementPrices entries read KIND=price: " + entry);
            }
            prices.put(DeviceKind.valueOf(kindPrice[0].strip()), new BigDecimal(kindPrice[1].strip()));
        }
        return new FleetSettings(config.maxAgeYears(), prices, config.ownTargetDays(), config.resolveTargetDays(),
                new WorkingDays(WorkingDays.periods(split(config.schoolHolidays()))));
    }

    private static String[] split(String[] values) {
        return java.util.Arrays.stream(values == null ? new String[0] : values)
                .flatMap(v -> java.util.Arrays.stream(v.split(","))).map(String::strip)
                .filter(v -> !v.isEmpty()).toArray(String[]::new);
    }

    /** Default settings, no school holidays. */
    public static FleetSettings defaults() {
        Map<DeviceKind, BigDecimal> prices = new EnumMap<>(DeviceKind.class);
        prices.put(DeviceKind.TABLET, new BigDecimal("450"));
        prices.put(DeviceKind.LAPTOP, new BigDecimal("800"));
        prices.put(DeviceKind.INTERACTIVE_SCREEN, new BigDecimal("3500"));
        prices.put(DeviceKind.VISIO_KIT, new BigDecimal("1200"));
        prices.put(DeviceKind.ROBOT_KIT, new BigDecimal("600"));
        prices.put(DeviceKind.CHARGING_TROLLEY, new BigDecimal("1500"));
        prices.put(DeviceKind.OTHER, new BigDecimal("200"));
        return new FleetSettings(5, prices, 1, 5, new WorkingDays(java.util.List.of()));
    }

    public BigDecimal price(DeviceKind kind) {
        return replacementPrices.getOrDefault(kind, BigDecimal.ZERO);
    }
}
