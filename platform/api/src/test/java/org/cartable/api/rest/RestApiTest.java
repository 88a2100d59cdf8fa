package org.cartable.api.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.cartable.api.CartableException;
import org.junit.jupiter.api.Test;

class RestApiTest {

    @Test
    void aWholeNumberParameterIsReadOrRefusedWithTheGivenMessage() {
        assertEquals(12, RestApi.wholeNumber("12", "unused"));
        assertEquals(-3, RestApi.wholeNumber(" -3 ", "unused"), "spaces around are ignored, the range is the caller's");
        for (String bad : new String[] {"abc", "", "1.5", "99999999999", null}) {
            CartableException refused = assertThrows(CartableException.class,
                    () -> RestApi.wholeNumber(bad, "'shown' must be a number."), () -> "for " + bad);
            assertEquals(CartableException.Kind.BAD_REQUEST, refused.kind());
            assertEquals("'shown' must be a number.", refused.getMessage());
        }
    }
}
