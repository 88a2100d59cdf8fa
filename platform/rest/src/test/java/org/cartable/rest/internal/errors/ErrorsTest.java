package org.cartable.rest.internal.errors;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javax.ws.rs.NotAllowedException;
import javax.ws.rs.NotFoundException;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Response;

import org.cartable.api.CartableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class ErrorsTest {

    @ParameterizedTest
    @EnumSource(CartableException.Kind.class)
    void everyKindKeepsItsStatusCodeAndMessage(CartableException.Kind kind) {
        Response response = new CartableExceptionMapper().toResponse(new CartableException(kind, "Because."));
        assertEquals(kind.status(), response.getStatus());
        assertEquals(new ErrorBody(kind.code(), "Because."), response.getEntity());
        assertEquals("application/json", response.getMediaType().toString());
        assertEquals(kind == CartableException.Kind.TOO_MANY_REQUESTS,
                response.getHeaderString("Retry-After") != null);
    }

    @Test
    void retryAfterIsTheWaitTheRefusalGives() {
        Response response = Errors.response(CartableException.tooManyRequests("Wait.", Duration.ofMinutes(7)));
        assertEquals("420", response.getHeaderString("Retry-After"));
        Response subSecond = Errors.response(CartableException.tooManyRequests("Wait.", Duration.ofMillis(10)));
        assertEquals("1", subSecond.getHeaderString("Retry-After"));
        Response unknown = Errors.response(new CartableException(CartableException.Kind.TOO_MANY_REQUESTS, "Slow."));
        assertEquals(String.valueOf(Errors.DEFAULT_RETRY_AFTER_SECONDS), unknown.getHeaderString("Retry-After"));
    }

    @Test
    void unexpectedErrorGivesAReferenceAndNoDetail() {
        Response response = new UnexpectedExceptionMapper().toResponse(
                new IllegalStateException("jdbc:derby password=hunter2"));
        assertEquals(500, response.getStatus());
        ErrorBody body = (ErrorBody) response.getEntity();
        assertEquals("internal_error", body.error());
        assertFalse(body.message().contains("hunter2"));
        assertFalse(body.message().contains("IllegalStateException"));
        assertTrue(body.message().matches(".*[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}.*"));
    }

    @Test
    void aClientThatWentAwayIsNotLoggedAsOurBug() {
        var wrapped = new javax.ws.rs.ProcessingException(new org.eclipse.jetty.io.EofException("Closed"));
        assertTrue(Errors.clientWentAway(wrapped));
        assertTrue(Errors.clientWentAway(new java.io.IOException("Broken pipe")));
        assertNull(new UnexpectedExceptionMapper().toResponse(wrapped).getEntity(), "nobody reads it: no reference");

        assertFalse(Errors.clientWentAway(new java.io.IOException("No space left on device")));
        assertFalse(Errors.clientWentAway(new IllegalStateException("Closed")));
    }

    @Test
    void jaxrsDefaultsGetOurWordsAndKeepUsefulHeaders() {
        Response notAllowed = new WebApplicationExceptionMapper().toResponse(new NotAllowedException("GET", new String[] {"HEAD"}));
        assertEquals(405, notAllowed.getStatus());
        assertEquals("method_not_allowed", ((ErrorBody) notAllowed.getEntity()).error());
        assertTrue(notAllowed.getHeaderString("Allow").contains("GET"));
        Response notFound = new WebApplicationExceptionMapper().toResponse(new NotFoundException());
        assertEquals(new ErrorBody("not_found", "Nothing here."), notFound.getEntity());
    }

    @Test
    void resourceMessagesAreKept() {
        Response response = new WebApplicationExceptionMapper().toResponse(new NotFoundException("No such post."));
        assertEquals(new ErrorBody("not_found", "No such post."), response.getEntity());
    }

    @Test
    void serverSideJaxrsErrorsAreInternalErrors() {
        Response response = new WebApplicationExceptionMapper().toResponse(new WebApplicationException(503));
        assertEquals(500, response.getStatus());
        assertEquals("internal_error", ((ErrorBody) response.getEntity()).error());
    }

    @Test
    void redirectsPassThrough() {
        Response redirect = Response.status(303).header("Location", "/api/me").build();
        Response response = new WebApplicationExceptionMapper().toResponse(new WebApplicationException(redirect));
        assertEquals(303, response.getStatus());
        assertNull(response.getEntity());
    }
}
