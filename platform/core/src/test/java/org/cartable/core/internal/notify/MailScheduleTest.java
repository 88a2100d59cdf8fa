package org.cartable.core.internal.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class MailScheduleTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final LocalTime EIGHT_PM = LocalTime.of(20, 0);
    private static final LocalTime SEVEN_AM = LocalTime.of(7, 0);
    private static final LocalTime FIVE_PM = LocalTime.of(17, 0);

    private static Instant paris(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(PARIS).toInstant();
    }

    @Test
    void overnightQuietHoursIncludeTheStartAndExcludeTheEnd() {
        assertTrue(MailSchedule.isQuiet(LocalTime.of(20, 0), EIGHT_PM, SEVEN_AM));
        assertTrue(MailSchedule.isQuiet(LocalTime.of(23, 59), EIGHT_PM, SEVEN_AM));
        assertTrue(MailSchedule.isQuiet(LocalTime.of(0, 0), EIGHT_PM, SEVEN_AM));
        assertTrue(MailSchedule.isQuiet(LocalTime.of(6, 59), EIGHT_PM, SEVEN_AM));
        assertFalse(MailSchedule.isQuiet(LocalTime.of(7, 0), EIGHT_PM, SEVEN_AM));
        assertFalse(MailSchedule.isQuiet(LocalTime.of(19, 59), EIGHT_PM, SEVEN_AM));
    }

    @Test
    void daytimeQuietHoursAndNone() {
        LocalTime noon = LocalTime.NOON;
        LocalTime two = LocalTime.of(14, 0);
        assertTrue(MailSchedule.isQuiet(LocalTime.of(13, 0), noon, two));
        assertFalse(MailSchedule.isQuiet(LocalTime.of(14, 0), noon, two));
        assertFalse(MailSchedule.isQuiet(LocalTime.of(11, 0), noon, two));
        assertFalse(MailSchedule.isQuiet(LocalTime.of(13, 0), null, null));
        assertFalse(MailSchedule.isQuiet(LocalTime.of(13, 0), noon, noon));
    }

    @Test
    void aMailInTheEveningWaitsForTheMorningAndOneAfterMidnightForTheSameMorning() {
        assertEquals(paris("2026-12-02T07:00"), MailSchedule.release(paris("2026-12-01T21:30"), PARIS, EIGHT_PM,
                SEVEN_AM));
        assertEquals(paris("2026-12-02T07:00"), MailSchedule.release(paris("2026-12-02T01:00"), PARIS, EIGHT_PM,
                SEVEN_AM));
        assertEquals(paris("2026-12-02T09:00"), MailSchedule.release(paris("2026-12-02T09:00"), PARIS, EIGHT_PM,
                SEVEN_AM));
    }

    @Test
    void theDigestGoesOutAtTheDigestTimeOrTheNextDayOnceItPassed() {
        assertEquals(paris("2026-12-01T17:00"), MailSchedule.digestTime(paris("2026-12-01T08:15"), PARIS, FIVE_PM,
                null, null));
        assertEquals(paris("2026-12-01T17:00"), MailSchedule.digestTime(paris("2026-12-01T17:00"), PARIS, FIVE_PM,
                null, null));
        assertEquals(paris("2026-12-02T17:00"), MailSchedule.digestTime(paris("2026-12-01T17:01"), PARIS, FIVE_PM,
                null, null));
    }

    @Test
    void aDigestTimeInsideQuietHoursIsDeferredToTheirEnd() {
        LocalTime four = LocalTime.of(16, 0);
        LocalTime eight = LocalTime.of(8, 0);
        assertEquals(paris("2026-12-02T08:00"), MailSchedule.digestTime(paris("2026-12-01T10:00"), PARIS, FIVE_PM,
                four, eight));
        // daytime quiet hours covering 17:00
        assertEquals(paris("2026-12-01T18:00"), MailSchedule.digestTime(paris("2026-12-01T10:00"), PARIS, FIVE_PM,
                LocalTime.of(16, 30), LocalTime.of(18, 0)));
    }

    @Test
    void onlyWellFormedTimesParse() {
        assertEquals(LocalTime.of(7, 5), MailSchedule.parse("07:05"));
        assertNull(MailSchedule.parse("7:05"));
        assertNull(MailSchedule.parse("24:00"));
        assertNull(MailSchedule.parse("12:60"));
        assertNull(MailSchedule.parse(null));
    }
}
