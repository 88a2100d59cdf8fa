package org.cartable.testing;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cartable.api.privacy.PersonalDataSink;

/** Keeps what an app's personal-data export writes, for its tests to look at. */
public final class RecordingSink implements PersonalDataSink {

    /** File name (without .json) → the value the app wrote. */
    public final Map<String, Object> json = new LinkedHashMap<>();
    /** File name → content. */
    public final Map<String, byte[]> files = new LinkedHashMap<>();

    @Override
    public void json(String name, Object value) {
        if (json.put(name, value) != null) {
            throw new IllegalStateException("The app wrote " + name + ".json twice");
        }
    }

    @Override
    public void file(String name, InputStream content) throws IOException {
        if (files.put(name, content.readAllBytes()) != null) {
            throw new IllegalStateException("The app wrote file " + name + " twice");
        }
    }

    /** @return the rows of a JSON file written as a list of maps (empty if the app did not write it) */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> rows(String name) {
        Object value = json.get(name);
        return value == null ? List.of() : (List<Map<String, Object>>) value;
    }

    /** @return everything written as one text, for "contains" checks */
    public String text() {
        return json.toString();
    }
}
