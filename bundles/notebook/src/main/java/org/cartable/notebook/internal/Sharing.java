package org.cartable.notebook.internal;

/** Who besides its owner and the class's staff may see a notebook. */
public enum Sharing {
    /** Its owner and the staff only (and the owner's parents, when the owner is a pupil). */
    PRIVATE,
    /** The whole class reads it (pupils and their parents). */
    READ,
    /** The class reads it, and the pupils also write in it. */
    CONTRIBUTE
}
