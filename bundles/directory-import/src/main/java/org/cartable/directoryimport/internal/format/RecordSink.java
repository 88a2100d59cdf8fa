package org.cartable.directoryimport.internal.format;

/** Receives what a format reads, record by record, as it streams through the files. */
public interface RecordSink {

    void pupil(PupilRecord pupil);

    void guardian(GuardianRecord guardian);

    /** A line that cannot be imported, with a reason a person can act on. */
    void reject(LineRef line, String reason);

    /** One more line read (accepted or not), for the progress bar. */
    void lineRead();
}
