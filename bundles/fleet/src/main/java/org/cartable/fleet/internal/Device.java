package org.cartable.fleet.internal;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/**
 * A device as the caller sees it.
 *
 * @param next          the states it may go to now (empty for callers who may not change it)
 * @param assignedTo    class id, room, person id or container device id, per {@code assignmentType}
 * @param assignedLabel what to show for the assignment (class or person name, room, container tag)
 * @param netBookValue  on the day of the call
 */
public record Device(String id, String tag, DeviceKind kind, String schoolId, String schoolName, String model,
                     String serial, DeviceState state, Set<DeviceState> next, AssignmentType assignmentType,
                     String assignedTo, String assignedLabel, Map<String, String> attributes, Financial financial,
                     LocalDate warrantyExpiry, BigDecimal netBookValue, Milestones milestones)
        implements Serializable {

    public Device {
        next = Set.copyOf(next);
        attributes = Map.copyOf(attributes);
    }

    /** The dates filled as the device goes through its states. */
    public record Milestones(LocalDate deliveredOn, LocalDate configuredOn, LocalDate enrolledOn,
                             LocalDate filteringOn, LocalDate inServiceSince, LocalDate repairSince, LocalDate lostOn,
                             LocalDate decommissionedOn, LocalDate lastInventoryOn) implements Serializable {
    }
}
