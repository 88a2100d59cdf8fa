package org.cartable.directoryimport.internal.format;

/**
 * A line of an uploaded file: file name and line number (1 = the header), as the report shows it.
 */
public record LineRef(String file, long number) {

    @Override
    public String toString() {
        return file + ":" + number;
    }
}
