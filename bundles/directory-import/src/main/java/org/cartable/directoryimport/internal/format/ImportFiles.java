package org.cartable.directoryimport.internal.format;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

import org.cartable.api.CartableException;

/** The files uploaded for one import, by name ("pupils", "guardians", "users"...). */
public interface ImportFiles {

    /** @return a fresh stream over the named file, if it was uploaded */
    Optional<InputStream> open(String name) throws IOException;

    /** @return a fresh stream over a file the format cannot do without; a 400 with the given message if missing */
    default InputStream require(String name, String whenMissing) throws IOException {
        return open(name).orElseThrow(() -> CartableException.badRequest(whenMissing));
    }
}
