package org.cartable.directoryimport.internal.format;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/** The files uploaded for one import, by name ("pupils", "guardians", "users"...). */
public interface ImportFiles {

    /** @return a fresh stream over the named file, if it was uploaded */
    Optional<InputStream> open(String name) throws IOException;
}
