package org.cartable.fleet.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.cartable.api.Caller;
import org.cartable.api.CartableException;
import org.cartable.api.territory.SchoolInfo;
import org.cartable.fleet.internal.FleetService.ImportedDevice;
import org.cartable.fleet.internal.Reports.ImportReport;
import org.cartable.fleet.internal.Reports.Rejection;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Imports a supplier's delivery as CSV: one device per line, each given a new asset tag. Valid lines are created
 * together (one transaction); invalid ones are reported with their line number and reason and change nothing.
 * <p>
 * Columns, named in the header line in any order and case (';' or ','): {@code kind} and {@code uai} required;
 * {@code model, serial, supplier, orderNumber, deliveryNumber, invoiceNumber, assetNumber, funding, value,
 * purchaseDate, deliveryDate, warrantyMonths, depreciationYears} optional. Kinds are {@link DeviceKind} names;
 * dates {@code yyyy-mm-dd} or {@code dd/mm/yyyy}; values with '.' or ',' decimals. A serial already in the fleet
 * for that kind, or twice in the file, is refused.
 */
@Component(service = DeliveryImport.class)
public final class DeliveryImport {

    public static final int MAX_LINES = 2000;
    public static final List<String> COLUMNS = List.of("kind", "uai", "model", "serial", "supplier", "orderNumber",
            "deliveryNumber", "invoiceNumber", "assetNumber", "funding", "value", "purchaseDate", "deliveryDate",
            "warrantyMonths", "depreciationYears");
    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);

    private final FleetService fleet;

    @Activate
    public DeliveryImport(@Reference(name = "fleet") FleetService fleet) {
        this.fleet = fleet;
    }

    /** Managers only. On a dry run nothing is written: the report says what would be. */
    public ImportReport importCsv(Caller caller, String csv, boolean dryRun) {
        Viewer viewer = fleet.viewer(caller);
        if (!viewer.manager()) {
            throw CartableException.forbidden("Only the operator's staff import deliveries.");
        }
        if (csv == null || csv.isBlank()) {
            throw CartableException.badRequest("The file is empty.");
        }
        List<Csv.Row> rows = Csv.parse(csv);
        Map<String, Integer> header = header(rows.get(0));
        if (rows.size() - 1 > MAX_LINES) {
            throw CartableException.badRequest("At most " + MAX_LINES + " lines per import.");
        }
        List<Rejection> rejected = new ArrayList<>();
        List<ImportedDevice> valid = new ArrayList<>();
        List<Integer> validLines = new ArrayList<>();
        for (Csv.Row row : rows.subList(1, rows.size())) {
            try {
                valid.add(line(viewer, header, row));
                validLines.add(row.line());
            } catch (CartableException refused) {
                rejected.add(new Rejection(row.line(), refused.getMessage()));
            }
        }
        duplicates(valid, validLines, rejected);
        rejected.sort((a, b) -> Integer.compare(a.line(), b.line()));
        if (dryRun || valid.isEmpty()) {
            return new ImportReport(dryRun, valid.size(), List.of(), rejected);
        }
        return new ImportReport(false, valid.size(), fleet.createAll(viewer, valid), rejected);
    }

    private static Map<String, Integer> header(Csv.Row row) {
        Map<String, Integer> header = new HashMap<>();
        for (int i = 0; i < row.cells().size(); i++) {
            String name = row.cells().get(i);
            Optional<String> column = COLUMNS.stream().filter(c -> c.equalsIgnoreCase(name)).findFirst();
            if (column.isEmpty()) {
                throw CartableException.badRequest("Line 1: unknown column '" + name + "'; the columns are "
                        + String.join(", ", COLUMNS) + ".");
            }
            header.put(column.get(), i);
        }
        if (!header.containsKey("kind") || !header.containsKey("uai")) {
            throw CartableException.badRequest("Line 1: the columns 'kind' and 'uai' are required.");
        }
        return header;
    }

    private ImportedDevice line(Viewer viewer, Map<String, Integer> header, Csv.Row row) {
        Map<String, String> cells = new LinkedHashMap<>();
        header.forEach((name, index) -> {
            String value = index < row.cells().size() ? row.cells().get(index) : "";
            cells.put(name, value.isBlank() ? null : value);
        });
        DeviceKind kind = kind(cells.get("kind"));
        String uai = cells.get("uai");
        if (uai == null) {
            throw CartableException.badRequest("'uai' is empty.");
        }
        SchoolInfo school = fleet.schoolByUai(uai).filter(s -> viewer.sees(s.id()))
                .orElseThrow(() -> CartableException.badRequest("No school with UAI '" + uai + "'."));
        Financial financial = new Financial(
                FleetService.optional(cells.get("supplier"), FleetService.TEXT_MAX, "supplier"),
                FleetService.optional(cells.get("orderNumber"), FleetService.CODE_MAX, "orderNumber"),
                FleetService.optional(cells.get("deliveryNumber"), FleetService.CODE_MAX, "deliveryNumber"),
                FleetService.optional(cells.get("invoiceNumber"), FleetService.CODE_MAX, "invoiceNumber"),
                FleetService.optional(cells.get("assetNumber"), FleetService.CODE_MAX, "assetNumber"),
                FleetService.optional(cells.get("funding"), FleetService.TEXT_MAX, "funding"),
                date(cells.get("purchaseDate"), "purchaseDate"), null, value(cells.get("value")),
                integer(cells.get("warrantyMonths"), "warrantyMonths", 0, 240),
                integer(cells.get("depreciationYears"), "depreciationYears", 1, 50));
        LocalDate delivered = date(cells.get("deliveryDate"), "deliveryDate");
        return new ImportedDevice(kind, school.id(), FleetService.optional(cells.get("model"), FleetService.TEXT_MAX,
                "model"), FleetService.optional(cells.get("serial"), FleetService.CODE_MAX, "serial"), financial,
                delivered != null ? delivered : fleet.today());
    }

    private void duplicates(List<ImportedDevice> valid, List<Integer> lines, List<Rejection> rejected) {
        Map<DeviceKind, Set<String>> serials = new EnumMap<>(DeviceKind.class);
        valid.stream().filter(d -> d.serial() != null)
                .forEach(d -> serials.computeIfAbsent(d.kind(), k -> new HashSet<>()).add(d.serial()));
        Map<DeviceKind, Map<String, String>> existing = new EnumMap<>(DeviceKind.class);
        serials.forEach((kind, set) -> existing.put(kind, fleet.existingSerials(kind, set)));
        for (int i = valid.size() - 1; i >= 0; i--) {
            ImportedDevice d = valid.get(i);
            if (d.serial() == null) {
                continue;
            }
            String tag = existing.getOrDefault(d.kind(), Map.of()).get(d.serial());
            String reason = tag != null ? "Serial '" + d.serial() + "' is already in the fleet (" + tag + ")."
                    : null;
            if (reason == null && valid.subList(0, i).stream()
                    .anyMatch(o -> o.kind() == d.kind() && d.serial().equals(o.serial()))) {
                reason = "Serial '" + d.serial() + "' appears twice in the file.";
            }
            if (reason != null) {
                rejected.add(new Rejection(lines.get(i), reason));
                valid.remove(i);
                lines.remove(i);
            }
        }
    }

    private static DeviceKind kind(String text) {
        if (text == null) {
            throw CartableException.badRequest("'kind' is empty.");
        }
        try {
            return DeviceKind.valueOf(text.strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw CartableException.badRequest("Unknown kind '" + text + "'; expected one of "
                    + List.of(DeviceKind.values()) + ".");
        }
    }

    static LocalDate date(String text, String column) {
        if (text == null) {
            return null;
        }
        try {
            return text.contains("/") ? LocalDate.parse(text, FRENCH_DATE) : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw CartableException.badRequest("'" + column + "' is not a date (yyyy-mm-dd or dd/mm/yyyy): '" + text
                    + "'.");
        }
    }

    static BigDecimal value(String text) {
        if (text == null) {
            return null;
        }
        try {
            BigDecimal value = new BigDecimal(text.replace(" ", "").replace("\u00a0", "").replace("€", "")
                    .replace(',', '.'));
            if (value.signum() < 0 || value.scale() > 2 || value.compareTo(new BigDecimal("10000000")) >= 0) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw CartableException.badRequest("'value' is not an amount in euros: '" + text + "'.");
        }
    }

    private static Integer integer(String text, String column, int min, int max) {
        if (text == null) {
            return null;
        }
        try {
            int value = Integer.parseInt(text);
            if (value < min || value > max) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw CartableException.badRequest("'" + column + "' must be a whole number from " + min + " to " + max
                    + ": '" + text + "'.");
        }
    }
}
