package org.cartable.fleet.internal;

/** Where or to whom a device is assigned, within its school. */
public enum AssignmentType {
    /** The school as a whole (the default). */
    SCHOOL,
    /** A class of the school: the assignment holds the class id. */
    CLASS,
    /** A room: the assignment holds its name. */
    ROOM,
    /** A person (teacher, staff): the assignment holds the account id. */
    PERSON,
    /** Another device (tablets in a trolley, parts of a kit): the assignment holds the container's id. */
    DEVICE
}
