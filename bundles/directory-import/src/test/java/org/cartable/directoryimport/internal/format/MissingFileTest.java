package org.cartable.directoryimport.internal.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.Optional;

import org.cartable.api.CartableException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A format whose indispensable file was not uploaded refuses with a 400 that names it, before reading anything. */
class MissingFileTest {

    private static final RecordSink NOTHING_EXPECTED = new RecordSink() {
        @Override
        public void pupil(PupilRecord pupil) {
            throw new AssertionError("nothing to read");
        }

        @Override
        public void guardian(GuardianRecord guardian) {
            throw new AssertionError("nothing to read");
        }

        @Override
        public void reject(LineRef line, String reason) {
            throw new AssertionError("nothing to read");
        }

        @Override
        public void lineRead() {
            throw new AssertionError("nothing to read");
        }
    };

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "onde|The registry import needs the pupils extract.",
            "oneroster|The OneRoster export has no orgs.csv.",
            "staff|The staff import needs the teachers file."})
    void aMissingFileIsABadRequestNamingIt(String format, String message) {
        ImportFiles none = name -> Optional.empty();
        CartableException refused = assertThrows(CartableException.class, () -> Formats.byId(format).orElseThrow()
                .read(none, new FormatOptions("2026-2027", Map.of()), NOTHING_EXPECTED));
        assertEquals(CartableException.Kind.BAD_REQUEST, refused.kind());
        assertEquals(message, refused.getMessage());
    }
}
