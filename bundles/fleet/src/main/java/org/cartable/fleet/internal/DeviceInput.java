package org.cartable.fleet.internal;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Map;

/**
 * What a manager gives to create or edit a device. On creation {@code kind} and {@code schoolId} are required; on
 * edit the kind is fixed and a new {@code schoolId} moves the device.
 *
 * @param deliveredOn the day it arrived (defaults to today on creation; ignored on edit)
 */
public record DeviceInput(DeviceKind kind, String schoolId, String model, String serial,
                          Map<String, String> attributes, Financial financial, AssignmentType assignmentType,
                          String assignedTo, LocalDate deliveredOn) implements Serializable {
}
