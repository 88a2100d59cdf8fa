package org.cartable.fleet.internal;

import static org.cartable.fleet.internal.FakeTerritory.SCHOOL_A;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.cartable.api.CartableException;
import org.cartable.fleet.internal.Reports.ImportReport;
import org.cartable.fleet.internal.Reports.Rejection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Delivery CSV imports with per-line rejections, and the GLPI export. */
class ImportExportTest {

    private static TestFleet t;
    private static FakeTerritory p;

    @BeforeAll
    static void open() {
        t = new TestFleet();
        p = t.territory;
    }

    @AfterAll
    static void close() {
        t.close();
    }

    @Test
    void validLinesAreCreatedWithTagsAndBadOnesRejectedWithTheirReason() {
        String csv = """
                kind;uai;model;serial;supplier;orderNumber;deliveryNumber;invoiceNumber;value;purchaseDate;warrantyMonths;depreciationYears;funding
                TABLET;0451234A;iPad 10;IMP-001;Acme;PO-77;BL-9;F-12;449,90;15/09/2026;24;4;Plan numérique État
                tablet;0451234a;iPad 10;IMP-002;Acme;PO-77;BL-9;F-12;449.90;2026-09-15;24;4;Plan numérique État
                SPACESHIP;0451234A;X;IMP-003;;;;;;;;;
                TABLET;9999999Z;iPad 10;IMP-004;;;;;;;;;
                TABLET;0451234A;iPad 10;IMP-005;;;;;abc;;;;
                TABLET;0451234A;iPad 10;IMP-006;;;;;;31/02/2026;;;
                TABLET;0451234A;iPad 10;IMP-001;;;;;;;;;
                INTERACTIVE_SCREEN;0451234A;Screen 65;IMP-008;;;;;3500;;60;;
                """;
        ImportReport dry = t.imports.importCsv(p.operator, csv, true);
        assertTrue(dry.dryRun());
        assertEquals(3, dry.accepted());
        assertEquals(List.of(), dry.created());
        assertEquals(List.of(4, 5, 6, 7, 8), dry.rejected().stream().map(Rejection::line).toList());
        assertTrue(t.fleet.devices(p.operator, new DeviceFilter(null, null, null, null, "IMP-0")).isEmpty(),
                "a dry run writes nothing");

        ImportReport report = t.imports.importCsv(p.operator, csv, false);
        assertEquals(3, report.created().size());
        Map<Integer, String> reasons = new java.util.HashMap<>();
        report.rejected().forEach(r -> reasons.put(r.line(), r.reason()));
        assertTrue(reasons.get(4).contains("Unknown kind 'SPACESHIP'"), reasons::toString);
        assertTrue(reasons.get(5).contains("No school with UAI '9999999Z'"), reasons::toString);
        assertTrue(reasons.get(6).contains("'value'"), reasons::toString);
        assertTrue(reasons.get(7).contains("'purchaseDate'"), reasons::toString);
        assertTrue(reasons.get(8).contains("twice"), reasons::toString);

        Device first = report.created().get(0);
        assertTrue(first.tag().startsWith("CART-0451234A-"), first.tag());
        assertEquals(DeviceState.FACTORY, first.state());
        assertEquals(new BigDecimal("449.90"), first.financial().value());
        assertEquals(LocalDate.of(2026, 9, 15), first.financial().purchaseDate());
        assertEquals("Plan numérique État", first.financial().funding());
        assertEquals(LocalDate.of(2028, 9, 14), first.warrantyExpiry());
        assertEquals(SCHOOL_A, first.schoolId());

        ImportReport again = t.imports.importCsv(p.operator, csv, false);
        assertEquals(0, again.created().size());
        assertTrue(again.rejected().stream().anyMatch(r -> r.line() == 2 && r.reason().contains("already in the"
                + " fleet (" + first.tag() + ")")), again.rejected()::toString);
    }

    @Test
    void theHeaderMustBeKnownAndOnlyManagersImport() {
        CartableException header = assertThrows(CartableException.class,
                () -> t.imports.importCsv(p.operator, "kind,uai,colour\nTABLET,0451234A,red\n", false));
        assertTrue(header.getMessage().contains("colour"), header.getMessage());
        assertThrows(CartableException.class, () -> t.imports.importCsv(p.operator, "model\nX\n", false));
        assertEquals(CartableException.Kind.FORBIDDEN, assertThrows(CartableException.class,
                () -> t.imports.importCsv(p.director, "kind,uai\nTABLET,0451234A\n", false)).kind());
    }

    @Test
    void glpiExportHasTheDocumentedColumnsAndTheFinancialRecord() {
        Device laptop = t.withFinancial(DeviceKind.LAPTOP, SCHOOL_A, LocalDate.of(2025, 9, 1), "812.5", 36, 4);
        Device screen = t.fleet.create(p.operator, new DeviceInput(DeviceKind.INTERACTIVE_SCREEN, SCHOOL_A,
                "Speechi 65", "SC-1", Map.of("sizeInches", "65"), null, AssignmentType.ROOM, "Salle 3", null));
        String csv = t.export.export(p.director, DeviceFilter.all());
        List<Csv.Row> rows = Csv.parse(csv);
        assertEquals(GlpiExport.COLUMNS, rows.get(0).cells());
        assertEquals(List.of("itemtype", "name", "otherserial", "serial", "model", "type", "states", "entities",
                "locations", "comment", "suppliers_id", "order_number", "delivery_number", "bill", "immo_number",
                "budgets_id", "buy_date", "delivery_date", "use_date", "warranty_duration", "warranty_date", "value",
                "sink_type", "sink_time", "inventory_date", "decommission_date"), GlpiExport.COLUMNS);
        Map<String, String> l = row(rows, laptop.tag());
        assertEquals("Computer", l.get("itemtype"));
        assertEquals(laptop.tag(), l.get("otherserial"));
        assertEquals("LAPTOP", l.get("type"));
        assertEquals("FACTORY", l.get("states"));
        assertEquals("Montreuil-sur-Loire", l.get("entities"));
        assertEquals("École Jules Ferry", l.get("locations"));
        assertEquals("Acme", l.get("suppliers_id"));
        assertEquals("F-1", l.get("bill"));
        assertEquals("IMMO-1", l.get("immo_number"));
        assertEquals("Plan numérique", l.get("budgets_id"));
        assertEquals("2025-09-01", l.get("buy_date"));
        assertEquals("36", l.get("warranty_duration"));
        assertEquals("812.50", l.get("value"));
        assertEquals("2", l.get("sink_type"), "linear");
        assertEquals("4", l.get("sink_time"));
        Map<String, String> s = row(rows, screen.tag());
        assertEquals("Monitor", s.get("itemtype"));
        assertEquals("École Jules Ferry > Salle 3", s.get("locations"));
        assertEquals("sizeInches=65", s.get("comment"));
        assertEquals("", s.get("sink_type"));
        assertThrows(CartableException.class, () -> t.export.export(p.teacher, DeviceFilter.all()));
    }

    private static Map<String, String> row(List<Csv.Row> rows, String tag) {
        Csv.Row row = rows.stream().filter(r -> r.cells().get(1).equals(tag)).findFirst().orElseThrow();
        Map<String, String> cells = new java.util.HashMap<>();
        for (int i = 0; i < GlpiExport.COLUMNS.size(); i++) {
            cells.put(GlpiExport.COLUMNS.get(i), row.cells().get(i));
        }
        return cells;
    }
}
