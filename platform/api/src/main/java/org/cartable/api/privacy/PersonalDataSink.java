package org.cartable.api.privacy;

import java.io.IOException;
import java.io.InputStream;

import org.osgi.annotation.versioning.ProviderType;

/** Where an app writes its part of a person's data: files inside the app's folder of the ZIP. */
@ProviderType
public interface PersonalDataSink {

    /**
     * Writes {@code <name>.json}. The value may be made of maps (string keys), lists and other iterables, records,
     * strings, numbers, booleans, enums, {@code java.time} values (ISO-8601 text) and null.
     *
     * @param name a simple file name without extension, e.g. {@code "posts"}
     */
    void json(String name, Object value) throws IOException;

    /**
     * Copies an uploaded file into {@code files/<name>}; the stream is read to its end, not closed.
     *
     * @param name a file name, made unique by the app (e.g. prefixed with its id); characters that are unsafe in a
     *             path are replaced
     */
    void file(String name, InputStream content) throws IOException;
}
