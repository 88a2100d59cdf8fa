package org.cartable.fleet.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.cartable.api.Caller;
import org.cartable.api.CartableException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Exports the caller's fleet as a CSV that GLPI's Data Injection plugin imports: ';'-separated, UTF-8, one header
 * line whose column names are the GLPI field names, dates {@code yyyy-mm-dd}, amounts with a '.'.
 * <p>
 * Mapping (Data Injection model: one per {@code itemtype}, fields mapped by these names):
 * <ul>
 * <li>{@code itemtype}: GLPI type of asset — Computer (tablet, laptop; {@code type} says which), Monitor
 * (interactive screen), Peripheral (visio kit, robot kit, charging trolley, other)</li>
 * <li>{@code name}, {@code otherserial} (inventory number): the asset tag; {@code serial}; {@code model};
 * {@code type}: the Cartable kind; {@code states}: the Cartable state</li>
 * <li>{@code entities}: the collectivity; {@code locations}: the school, then " &gt; " and the room when assigned to
 * one; {@code comment}: the assignment and kind attributes</li>
 * <li>Financial and administrative information (GLPI "Infocom"): {@code suppliers_id}, {@code order_number},
 * {@code delivery_number}, {@code bill}, {@code immo_number}, {@code budgets_id} (funding), {@code buy_date},
 * {@code delivery_date}, {@code use_date}, {@code warranty_duration} (months), {@code warranty_date} (warranty start:
 * the purchase date), {@code value}, {@code sink_type} (2 = linear), {@code sink_time} (years),
 * {@code inventory_date}, {@code decommission_date}</li>
 * </ul>
 */
@Component(service = GlpiExport.class)
public final class GlpiExport {

    public static final List<String> COLUMNS = List.of("itemtype", "name", "otherserial", "serial", "model", "type",
            "states", "entities", "locations", "comment", "suppliers_id", "order_number", "delivery_number", "bill",
            "immo_number", "budgets_id", "buy_date", "delivery_date", "use_date", "warranty_duration",
            "warranty_date", "value", "sink_type", "sink_time", "inventory_date", "decommission_date");

    /** GLPI's code for linear depreciation (Infocom sink_type). */
    static final String GLPI_LINEAR = "2";

    private final FleetService fleet;

    @Activate
    public GlpiExport(@Reference(name = "fleet") FleetService fleet) {
        this.fleet = fleet;
    }

    /** Managers and collectivity admins and directors, for the devices they see. */
    public String export(Caller caller, DeviceFilter filter) {
        Viewer viewer = fleet.viewer(caller);
        if (!viewer.inventories()) {
            throw CartableException.forbidden("The export is for the schools' and collectivities' managers.");
        }
        StringBuilder csv = new StringBuilder(Csv.line(';', COLUMNS));
        for (Device d : fleet.devices(caller, filter)) {
            csv.append(Csv.line(';', row(d)));
        }
        return csv.toString();
    }

    List<String> row(Device d) {
        Financial f = d.financial();
        Device.Milestones m = d.milestones();
        String location = d.assignmentType() == AssignmentType.ROOM ? d.schoolName() + " > " + d.assignedTo()
                : d.schoolName();
        StringBuilder comment = new StringBuilder();
        if (d.assignmentType() != AssignmentType.SCHOOL && d.assignmentType() != AssignmentType.ROOM) {
            comment.append(d.assignmentType()).append(": ").append(d.assignedLabel());
        }
        d.attributes().forEach((k, v) -> comment.append(comment.isEmpty() ? "" : "; ").append(k).append('=').append(v));
        return List.of(itemtype(d.kind()), d.tag(), d.tag(), text(d.serial()), text(d.model()), d.kind().name(),
                d.state().name(), fleet.collectivityName(fleet.collectivityOf(d.schoolId())), location,
                comment.toString(), text(f.supplier()), text(f.orderNumber()), text(f.deliveryNumber()),
                text(f.invoiceNumber()), text(f.assetNumber()), text(f.funding()), date(f.purchaseDate()),
                date(m.deliveredOn()), date(f.startOfUseDate()), number(f.warrantyMonths()), date(f.purchaseDate()),
                amount(f.value()), f.depreciationYears() == null ? "" : GLPI_LINEAR, number(f.depreciationYears()),
                date(m.lastInventoryOn()), date(m.decommissionedOn()));
    }

    static String itemtype(DeviceKind kind) {
        return switch (kind) {
            case TABLET, LAPTOP -> "Computer";
            case INTERACTIVE_SCREEN -> "Monitor";
            default -> "Peripheral";
        };
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    private static String date(LocalDate d) {
        return d == null ? "" : d.toString();
    }

    private static String number(Integer n) {
        return n == null ? "" : n.toString();
    }

    private static String amount(BigDecimal v) {
        return v == null ? "" : v.setScale(2).toPlainString();
    }
}
