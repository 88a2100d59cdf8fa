package org.cartable.fleet.internal;

import java.util.EnumSet;
import java.util.Set;

/**
 * The life of a device, and the state machine that governs it:
 *
 * <pre>
 * FACTORY ─▶ CONFIGURED ─▶ ENROLLED ─▶ FILTERED ─▶ IN_SERVICE      (tablets and laptops: managed kinds)
 * FACTORY ─▶ CONFIGURED ─▶ IN_SERVICE, or FACTORY ─▶ IN_SERVICE    (other kinds)
 * any state but RETIRED ─▶ IN_REPAIR, LOST, RETIRED
 * IN_REPAIR ─▶ IN_SERVICE    LOST (found again) ─▶ IN_SERVICE     RETIRED: final
 * </pre>
 *
 * A repaired or found device goes back to service directly: it keeps its enrolment and filtering.
 */
public enum DeviceState {
    /** Delivered in factory mode. */
    FACTORY,
    CONFIGURED,
    /** Enrolled in device management (MDM). */
    ENROLLED,
    /** Web filtering active. */
    FILTERED,
    IN_SERVICE,
    IN_REPAIR,
    /** Lost or stolen. */
    LOST,
    RETIRED;

    /** @return the states a device of that kind may go to from this one */
    public Set<DeviceState> next(DeviceKind kind) {
        Set<DeviceState> next = switch (this) {
            case FACTORY -> kind.managed() ? EnumSet.of(CONFIGURED) : EnumSet.of(CONFIGURED, IN_SERVICE);
            case CONFIGURED -> kind.managed() ? EnumSet.of(ENROLLED) : EnumSet.of(IN_SERVICE);
            case ENROLLED -> EnumSet.of(FILTERED);
            case FILTERED, IN_REPAIR -> EnumSet.of(IN_SERVICE);
            case LOST -> EnumSet.of(IN_SERVICE, RETIRED);
            case IN_SERVICE, RETIRED -> EnumSet.noneOf(DeviceState.class);
        };
        if (this != RETIRED && this != LOST) {
            next.addAll(EnumSet.of(IN_REPAIR, LOST, RETIRED));
            next.remove(this);
        }
        return next;
    }

    public boolean canGo(DeviceKind kind, DeviceState target) {
        return next(kind).contains(target);
    }

    /** @return whether the device still counts in the fleet (renewal, inventory): neither lost nor retired */
    public boolean active() {
        return this != LOST && this != RETIRED;
    }
}
