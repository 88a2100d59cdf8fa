package org.cartable.fleet.internal;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * A device with its history (oldest first), the devices it holds and its tickets.
 *
 * @param mayEdit whether the caller may edit it
 */
public record DeviceDetail(Device device, List<StateChange> history, List<Device> contents, List<Ticket> tickets,
                           boolean mayEdit) implements Serializable {

    public DeviceDetail {
        history = List.copyOf(history);
        contents = List.copyOf(contents);
        tickets = List.copyOf(tickets);
    }

    /** One state change, with who made it. */
    public record StateChange(DeviceState from, DeviceState to, Instant at, String authorId, String authorName,
                              String note) implements Serializable {
    }
}
