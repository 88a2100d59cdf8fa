package org.cartable.rest.internal.json;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The production mapper, for tests in other packages. */
public final class JsonMappersAccess {

    private JsonMappersAccess() {
    }

    public static ObjectMapper create() {
        return JsonMappers.create();
    }
}
