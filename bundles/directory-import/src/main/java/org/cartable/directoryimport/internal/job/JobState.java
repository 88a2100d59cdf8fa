package org.cartable.directoryimport.internal.job;

/** Where an import job stands. */
public enum JobState {
    /** Created; files may be uploaded. */
    NEW,
    /** Waiting for the previous job to finish (one import runs at a time). */
    QUEUED,
    /** Streaming the files into rosters. */
    READING,
    /** Importing school after school. */
    APPLYING,
    /** Finished; the summary and the report are ready. */
    DONE,
    /** Stopped on an error that concerns the whole import (unreadable file, missing column). */
    FAILED
}
