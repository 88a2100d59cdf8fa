package org.cartable.directoryimport.internal.format;

import java.io.IOException;
import java.util.List;

/**
 * The SPI of the importer: a format reads the uploaded files and streams what it finds as records. It never loads a
 * whole file; a bad line is rejected with a reason and the reading goes on. Adding a format is adding an
 * implementation (and registering it in {@code Formats}).
 */
public interface ImportFormat {

    /** @return short id, also the external-id source of the records ("onde", "oneroster", "csv") */
    String id();

    /** @return the names of the files it reads; the first ones are required */
    List<String> fileNames();

    /** @return how many of {@link #fileNames()} must be present */
    int requiredFiles();

    /**
     * Streams the files into the sink.
     *
     * @param options what the user chose (school year, column mapping...)
     * @throws IOException when a file cannot be read at all (the import stops, nothing is applied)
     * @throws org.cartable.api.CartableException BAD_REQUEST when a required file or column is missing
     */
    void read(ImportFiles files, FormatOptions options, RecordSink sink) throws IOException;
}
