package org.cartable.rest.internal.json;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The one place the REST mapper is configured, shared by the provider and the tests. */
public final class JsonMappers {

    private JsonMappers() {
    }

    public static ObjectMapper create() {
        return JsonMapper.builder()
                // A typo in a field name must not be silently ignored (docs/rest-api.md).
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                // Karaf's CXF Jackson set has no jackson-datatype-jsr310: our own module writes ISO-8601 strings.
                .addModule(new IsoTimeModule())
                .build();
    }
}
