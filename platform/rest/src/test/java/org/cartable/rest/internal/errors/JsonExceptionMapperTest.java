package org.cartable.rest.internal.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;

import javax.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.cartable.api.CartableException;
import org.cartable.rest.internal.json.JsonMappersAccess;
import org.junit.jupiter.api.Test;

class JsonExceptionMapperTest {

    record Item(String name, int count) {
    }

    record Order(String title, boolean urgent, Instant due, List<Item> items) {
    }

    record Checked(String title) {
        Checked {
            if (title == null || title.isBlank()) {
                throw CartableException.badRequest("The title must not be empty.");
            }
        }
    }

    private final ObjectMapper mapper = JsonMappersAccess.create();

    private String messageFor(String json) {
        JsonProcessingException e = assertThrows(JsonProcessingException.class,
                () -> mapper.readValue(json, Order.class));
        Response response = new JsonExceptionMapper().toResponse(e);
        assertEquals(400, response.getStatus());
        ErrorBody body = (ErrorBody) response.getEntity();
        assertEquals("bad_request", body.error());
        return body.message();
    }

    @Test
    void unknownFieldsAreNamedWithTheirPath() {
        assertEquals("Unknown field 'titel'.", messageFor("{\"titel\":\"x\"}"));
        assertEquals("Unknown field 'items[0].colour'.", messageFor("{\"items\":[{\"colour\":\"red\"}]}"));
    }

    @Test
    void wrongTypesAreNamed() {
        assertEquals("Invalid or missing value for field 'items[1].count'.",
                messageFor("{\"items\":[{\"count\":1},{\"count\":\"many\"}]}"));
        assertEquals("Invalid or missing value for field 'urgent'.", messageFor("{\"urgent\":\"maybe\"}"));
        assertEquals("Invalid or missing value for field 'due'.", messageFor("{\"due\":\"next monday\"}"));
    }

    @Test
    void refusalFromADtoConstructorKeepsItsMessage() {
        JsonProcessingException e = assertThrows(JsonProcessingException.class,
                () -> mapper.readValue("{\"title\":\" \"}", Checked.class));
        Response response = new JsonExceptionMapper().toResponse(e);
        assertEquals(400, response.getStatus());
        assertEquals(new ErrorBody("bad_request", "The title must not be empty."), response.getEntity());
    }

    @Test
    void syntaxErrorsGiveThePosition() {
        assertEquals("Malformed JSON at line 1, column 11.", messageFor("{\"title\": x}"));
    }

    @Test
    void wrongShapeIsExplained() {
        assertEquals("The request body does not have the expected JSON shape.", messageFor("[1, 2]"));
    }

    @Test
    void duplicateAndTrailingContentAreRefused() {
        messageFor("{\"title\":\"a\",\"title\":\"b\"}");
        messageFor("{\"title\":\"a\"} {}");
    }
}
