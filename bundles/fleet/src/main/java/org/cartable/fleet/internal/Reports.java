package org.cartable.fleet.internal;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The results of the fleet's bulk operations and reports. */
public final class Reports {

    private Reports() {
    }

    /**
     * A delivery import: the devices created (none on a dry run) and the lines refused, with why.
     *
     * @param accepted number of valid lines (created unless dry run)
     */
    public record ImportReport(boolean dryRun, int accepted, List<Device> created, List<Rejection> rejected)
            implements Serializable {
        public ImportReport {
            created = List.copyOf(created);
            rejected = List.copyOf(rejected);
        }
    }

    /** A refused line of an import (1 = the header line). */
    public record Rejection(int line, String reason) implements Serializable {
    }

    /**
     * An inventory check: what was scanned and found (now dated), tags not in the caller's fleet, and the active
     * devices of the checked schools that were not scanned.
     */
    public record InventoryReport(LocalDate day, List<String> schoolIds, List<Device> seen, List<String> unknownTags,
                                  List<Device> missing) implements Serializable {
        public InventoryReport {
            schoolIds = List.copyOf(schoolIds);
            seen = List.copyOf(seen);
            unknownTags = List.copyOf(unknownTags);
            missing = List.copyOf(missing);
        }
    }

    /** Why a device is due for renewal. */
    public enum RenewalReason { AGE, WARRANTY }

    /** A device due for renewal. */
    public record DueDevice(Device device, List<RenewalReason> reasons, BigDecimal replacementPrice)
            implements Serializable {
        public DueDevice {
            reasons = List.copyOf(reasons);
        }
    }

    /** Renewal needs of a school or a collectivity: devices due per kind and the estimated budget. */
    public record RenewalLine(String id, String name, Map<DeviceKind, Integer> dueByKind, int due, BigDecimal budget)
            implements Serializable {
        public RenewalLine {
            dueByKind = Map.copyOf(dueByKind);
        }
    }

    /**
     * Renewal planning on a day: devices past {@code maxAgeYears} since start of use, or out of warranty.
     */
    public record RenewalPlan(LocalDate asOf, int maxAgeYears, List<RenewalLine> schools,
                              List<RenewalLine> collectivities, List<DueDevice> devices, BigDecimal budget)
            implements Serializable {
        public RenewalPlan {
            schools = List.copyOf(schools);
            collectivities = List.copyOf(collectivities);
            devices = List.copyOf(devices);
        }
    }

    /** Device counts of a collectivity, by state and by kind (all states). */
    public record CollectivityFleet(String collectivityId, String name, Map<DeviceState, Integer> byState,
                                    Map<DeviceKind, Integer> byKind) implements Serializable {
        public CollectivityFleet {
            byState = Map.copyOf(byState);
            byKind = Map.copyOf(byKind);
        }
    }

    /**
     * A week of tickets.
     *
     * @param week                   its Monday
     * @param opened                 tickets opened that week
     * @param openAtEnd              tickets still open at the end of the week
     * @param solved                 tickets solved that week
     * @param medianDaysToResolve    median working days to resolve of those solved that week, null if none
     */
    public record TicketWeek(LocalDate week, int opened, int openAtEnd, int solved, Double medianDaysToResolve)
            implements Serializable {
    }
}
