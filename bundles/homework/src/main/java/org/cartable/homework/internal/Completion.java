package org.cartable.homework.internal;

import java.io.Serializable;
import java.util.List;

/** For the staff: which pupils of the class ticked an entry's work. */
public record Completion(String entryId, int done, int total, List<PupilDone> pupils) implements Serializable {

    public Completion {
        pupils = List.copyOf(pupils);
    }

    /** One pupil of the class and whether they ticked it. */
    public record PupilDone(String pupilId, String name, boolean done) implements Serializable {
    }
}
