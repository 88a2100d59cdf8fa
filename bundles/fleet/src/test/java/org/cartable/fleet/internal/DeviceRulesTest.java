package org.cartable.fleet.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.cartable.api.CartableException;
import org.junit.jupiter.api.Test;

/** The pure rules: state machine, kind attributes, financial computations, school working days, CSV. */
class DeviceRulesTest {

    @Test
    void managedKindsGoThroughEnrolmentAndFiltering() {
        assertEquals(Set.of(DeviceState.CONFIGURED, DeviceState.IN_REPAIR, DeviceState.LOST, DeviceState.RETIRED),
                DeviceState.FACTORY.next(DeviceKind.TABLET));
        assertFalse(DeviceState.CONFIGURED.canGo(DeviceKind.TABLET, DeviceState.IN_SERVICE));
        assertTrue(DeviceState.CONFIGURED.canGo(DeviceKind.TABLET, DeviceState.ENROLLED));
        assertTrue(DeviceState.ENROLLED.canGo(DeviceKind.LAPTOP, DeviceState.FILTERED));
        assertTrue(DeviceState.FILTERED.canGo(DeviceKind.LAPTOP, DeviceState.IN_SERVICE));
        // other kinds skip device management
        assertTrue(DeviceState.FACTORY.canGo(DeviceKind.CHARGING_TROLLEY, DeviceState.IN_SERVICE));
        assertTrue(DeviceState.CONFIGURED.canGo(DeviceKind.INTERACTIVE_SCREEN, DeviceState.IN_SERVICE));
        assertFalse(DeviceState.CONFIGURED.canGo(DeviceKind.INTERACTIVE_SCREEN, DeviceState.ENROLLED));
    }

    @Test
    void repairLossAndRetirement() {
        assertEquals(Set.of(DeviceState.IN_REPAIR, DeviceState.LOST, DeviceState.RETIRED),
                DeviceState.IN_SERVICE.next(DeviceKind.TABLET));
        assertEquals(Set.of(DeviceState.IN_SERVICE, DeviceState.LOST, DeviceState.RETIRED),
                DeviceState.IN_REPAIR.next(DeviceKind.TABLET));
        assertEquals(Set.of(DeviceState.IN_SERVICE, DeviceState.RETIRED), DeviceState.LOST.next(DeviceKind.TABLET));
        assertTrue(DeviceState.RETIRED.next(DeviceKind.TABLET).isEmpty(), "retired is final");
        for (DeviceState state : DeviceState.values()) {
            assertFalse(state.canGo(DeviceKind.TABLET, state), "no move to the same state: " + state);
        }
    }

    @Test
    void kindAttributesAreTypedAndValidated() {
        assertEquals(Map.of("os", "iPadOS 18", "imei", "356938035643809", "storageGb", "64"),
                DeviceKind.TABLET.validate(Map.of("os", " iPadOS 18 ", "imei", "356938035643809",
                        "storageGb", "064")));
        CartableException unknown = assertThrows(CartableException.class,
                () -> DeviceKind.TABLET.validate(Map.of("sizeInches", "65")));
        assertTrue(unknown.getMessage().contains("sizeInches"), unknown.getMessage());
        assertThrows(CartableException.class, () -> DeviceKind.TABLET.validate(Map.of("imei", "12")));
        assertThrows(CartableException.class, () -> DeviceKind.INTERACTIVE_SCREEN.validate(Map.of("sizeInches", "x")));
        assertThrows(CartableException.class,
                () -> DeviceKind.INTERACTIVE_SCREEN.validate(Map.of("sizeInches", "500")));
        assertEquals(Map.of("capacity", "32"), DeviceKind.CHARGING_TROLLEY.validate(Map.of("capacity", "32")));
        assertEquals(32, DeviceKind.CHARGING_TROLLEY.capacity(Map.of("capacity", "32")));
        assertEquals(Map.of(), DeviceKind.OTHER.validate(Map.of("description", "  ")), "blanks are dropped");
    }

    @Test
    void warrantyExpiryAndLinearDepreciation() {
        Financial f = new Financial(null, null, null, null, null, null, LocalDate.of(2024, 1, 15), null,
                new BigDecimal("1000.00"), 36, 4);
        assertEquals(LocalDate.of(2027, 1, 14), f.warrantyExpiry());
        assertTrue(f.underWarranty(LocalDate.of(2027, 1, 14)));
        assertFalse(f.underWarranty(LocalDate.of(2027, 1, 15)));
        assertEquals(new BigDecimal("250.00"), f.annualDepreciation());
        assertEquals(new BigDecimal("1000.00"), f.netBookValue(LocalDate.of(2024, 1, 15)));
        // two years out of four (731 of 1461 days)
        assertEquals(new BigDecimal("499.66"), f.netBookValue(LocalDate.of(2026, 1, 15)));
        assertEquals(new BigDecimal("0.00"), f.netBookValue(LocalDate.of(2028, 1, 15)));
        assertEquals(new BigDecimal("0.00"), f.netBookValue(LocalDate.of(2030, 6, 1)));
        // depreciation runs from the start of use when there is one
        Financial used = f.startedOn(LocalDate.of(2025, 1, 15));
        assertEquals(new BigDecimal("1000.00"), used.netBookValue(LocalDate.of(2025, 1, 15)));
        // 1096 of 1461 days left (2028 is a leap year)
        assertEquals(new BigDecimal("750.17"), used.netBookValue(LocalDate.of(2026, 1, 15)));
        Financial noDepreciation = new Financial(null, null, null, null, null, null, null, null,
                new BigDecimal("300"), null, null);
        assertEquals(new BigDecimal("300.00"), noDepreciation.netBookValue(LocalDate.of(2030, 1, 1)));
        assertNull(noDepreciation.warrantyExpiry());
        assertNull(Financial.empty().netBookValue(LocalDate.of(2030, 1, 1)));
    }

    @Test
    void easterAndItsHolidays() {
        assertEquals(LocalDate.of(2026, 4, 5), WorkingDays.easter(2026));
        assertEquals(LocalDate.of(2027, 3, 28), WorkingDays.easter(2027));
        assertEquals(LocalDate.of(2024, 3, 31), WorkingDays.easter(2024));
        assertTrue(WorkingDays.isPublicHoliday(LocalDate.of(2026, 4, 6)), "Easter Monday");
        assertTrue(WorkingDays.isPublicHoliday(LocalDate.of(2026, 5, 14)), "Ascension 2026");
        assertTrue(WorkingDays.isPublicHoliday(LocalDate.of(2026, 5, 25)), "Whit Monday 2026");
        assertTrue(WorkingDays.isPublicHoliday(LocalDate.of(2026, 7, 14)), "14 July");
        assertFalse(WorkingDays.isPublicHoliday(LocalDate.of(2026, 5, 13)));
    }

    @Test
    void workingDaysSkipWeekendsHolidaysAndSchoolHolidays() {
        WorkingDays days = new WorkingDays(List.of());
        // Wednesday 13 May 2026, Ascension Thursday 14, Friday 15, weekend, Monday 18
        LocalDate wednesday = LocalDate.of(2026, 5, 13);
        assertEquals(LocalDate.of(2026, 5, 15), days.plus(wednesday, 1));
        assertEquals(LocalDate.of(2026, 5, 18), days.plus(wednesday, 2));
        assertEquals(2, days.between(wednesday, LocalDate.of(2026, 5, 18)));
        assertEquals(wednesday, days.plus(wednesday, 0));
        // Monday 13 July 2026, 14 July off
        assertEquals(LocalDate.of(2026, 7, 15), days.plus(LocalDate.of(2026, 7, 13), 1));
        // Friday to Monday over a weekend is one working day
        assertEquals(1, days.between(LocalDate.of(2026, 11, 27), LocalDate.of(2026, 11, 30)));
        assertEquals(0, days.between(LocalDate.of(2026, 11, 28), LocalDate.of(2026, 11, 29)));

        WorkingDays withHolidays = new WorkingDays(WorkingDays.periods(new String[] {"2026-12-19..2027-01-03"}));
        assertEquals(LocalDate.of(2027, 1, 4), withHolidays.plus(LocalDate.of(2026, 12, 18), 1));
        assertEquals(LocalDate.of(2026, 12, 21), days.plus(LocalDate.of(2026, 12, 18), 1));
        assertThrows(IllegalArgumentException.class, () -> WorkingDays.Period.parse("2027-01-03..2026-12-19"));
    }

    @Test
    void csvQuotingBothWays() {
        List<Csv.Row> rows = Csv.parse("\uFEFFkind;model\r\nTABLET;\"iPad; 10\"\"\"\n\n;\nLAPTOP;\"two\nlines\"\n");
        assertEquals(3, rows.size(), "blank lines skipped");
        assertEquals(List.of("kind", "model"), rows.get(0).cells());
        assertEquals(List.of("TABLET", "iPad; 10\""), rows.get(1).cells());
        assertEquals(2, rows.get(1).line());
        assertEquals(List.of("LAPTOP", "two\nlines"), rows.get(2).cells());
        assertEquals(5, rows.get(2).line());
        assertEquals(List.of("a", "b"), Csv.parse("a,b").get(0).cells(), "comma when the header has no ';'");
        assertEquals("x;\"a;b\";'=cmd()\r\n", Csv.line(';', List.of("x", "a;b", "=cmd()")));
        assertEquals("-12.50\r\n", Csv.line(';', List.of("-12.50")), "numbers are not formulas");
    }

    @Test
    void qrCodeIsAnSvgCarryingTheTag() {
        String svg = QrSvg.svg("CART-0451234A-000001", 120);
        assertTrue(svg.startsWith("<svg") && svg.endsWith("</svg>"), svg);
        assertTrue(svg.contains("<title>CART-0451234A-000001</title>"));
        assertTrue(svg.contains("h1v1h-1z"), "modules drawn");
        assertFalse(svg.contains("style="), "CSP: no style attributes");
    }

    @Test
    void chartsEscapeTheirLabels() {
        String svg = Svg.stacked("<b>", List.of("A", "B"), List.of(new Svg.Row("x<y", List.of(2, 3))));
        assertTrue(svg.contains("x&lt;y") && !svg.contains("x<y"), svg);
        assertTrue(svg.contains(">5</text>"), "row total shown");
        String columns = Svg.columns("t", List.of("w1", "w2"), java.util.Arrays.asList(2.5, null), "days");
        assertTrue(columns.contains(">2.5</text>"), columns);
    }
}
