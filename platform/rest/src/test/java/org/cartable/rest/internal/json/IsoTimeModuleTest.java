package org.cartable.rest.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class IsoTimeModuleTest {

    record Event(Instant at, LocalDate day, OffsetDateTime local, ZonedDateTime zoned) {
    }

    private final ObjectMapper mapper = JsonMappers.create();

    @Test
    void writesIsoStrings() throws Exception {
        Event event = new Event(Instant.parse("2026-11-29T09:30:00Z"), LocalDate.of(2026, 11, 29),
                OffsetDateTime.parse("2026-11-29T10:30:00+01:00"),
                ZonedDateTime.of(2026, 11, 29, 10, 30, 0, 0, ZoneId.of("Europe/Paris")));
        assertEquals("{\"at\":\"2026-11-29T09:30:00Z\",\"day\":\"2026-11-29\","
                        + "\"local\":\"2026-11-29T10:30:00+01:00\",\"zoned\":\"2026-11-29T10:30:00+01:00\"}",
                mapper.writeValueAsString(event));
    }

    @Test
    void readsInstantsWithOrWithoutOffset() throws Exception {
        assertEquals(Instant.parse("2026-11-29T09:30:00Z"),
                mapper.readValue("\"2026-11-29T10:30:00+01:00\"", Instant.class));
        assertEquals(Instant.parse("2026-11-29T09:30:00Z"), mapper.readValue("\"2026-11-29T09:30:00Z\"", Instant.class));
        assertEquals(LocalDate.of(2026, 2, 1), mapper.readValue("\"2026-02-01\"", LocalDate.class));
    }
}
