package org.cartable.core.internal.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class SchoolYearsTest {

    @Test
    void switchesOnTheFirstOfSeptember() {
        assertEquals("2026-2027", SchoolYears.of(LocalDate.of(2026, 11, 29)));
        assertEquals("2025-2026", SchoolYears.of(LocalDate.of(2026, 8, 31)));
        assertEquals("2026-2027", SchoolYears.of(LocalDate.of(2026, 9, 1)));
        assertEquals("2025-2026", SchoolYears.of(LocalDate.of(2026, 1, 5)));
        assertEquals("2025-2026", SchoolYears.previous("2026-2027"));
        assertEquals(LocalDate.of(2026, 9, 1), SchoolYears.firstDay("2026-2027"));
    }
}
