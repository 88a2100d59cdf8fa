package org.cartable.directoryimport.internal.format;

/** Receives what a format reads, record by record, as it streams through the files. */
public interface RecordSink {

    void pupil(PupilRecord pupil);

    void guardian(GuardianRecord guardian);

    /** A teacher's line of a staff file; only the staff import's sink takes them. */
    default void teacher(TeacherRecord teacher) {
        throw new UnsupportedOperationException("this import does not take teachers");
    }

    /** A line that cannot be imported, with a reason a person can act on. */
    void reject(LineRef line, String reason);

    /** One more line read (accepted or not), for the progress bar. */
    void lineRead();
}
