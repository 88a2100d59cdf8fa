package org.cartable.rest.internal.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;

import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

class UnexpectedExceptionMapperTest {

    /** Stands for an app's resource class. */
    static final class SomeAppResource {
    }

    private static ResourceInfo runningIn(Class<?> resourceClass) {
        return new ResourceInfo() {
            @Override
            public Method getResourceMethod() {
                return null;
            }

            @Override
            public Class<?> getResourceClass() {
                return resourceClass;
            }
        };
    }

    @Test
    void anAppStoppingUnderTheRequestGetsA503ToRetry() {
        UnexpectedExceptionMapper mapper = new UnexpectedExceptionMapper(type -> type == SomeAppResource.class);
        mapper.setResourceInfo(runningIn(SomeAppResource.class));
        Response response = mapper.toResponse(new IllegalStateException("EntityManagerFactory is closed"));
        assertEquals(503, response.getStatus());
        assertEquals(UnexpectedExceptionMapper.RETRY_AFTER_SECONDS, response.getHeaderString("Retry-After"));
        ErrorBody body = (ErrorBody) response.getEntity();
        assertEquals("service_unavailable", body.error());
        assertFalse(body.message().contains("EntityManagerFactory"), "no internals in the answer");
    }

    @Test
    void anythingElseIsA500WithOnlyAReference() {
        UnexpectedExceptionMapper mapper = new UnexpectedExceptionMapper(type -> false);
        mapper.setResourceInfo(runningIn(SomeAppResource.class));
        Response response = mapper.toResponse(new IllegalStateException("secret detail"));
        assertEquals(500, response.getStatus());
        ErrorBody body = (ErrorBody) response.getEntity();
        assertEquals("internal_error", body.error());
        assertTrue(body.message().startsWith("Internal error. Reference"));
        assertFalse(body.message().contains("secret detail"));

        mapper.setResourceInfo(null);
        assertEquals(500, mapper.toResponse(new RuntimeException()).getStatus());
    }
}
