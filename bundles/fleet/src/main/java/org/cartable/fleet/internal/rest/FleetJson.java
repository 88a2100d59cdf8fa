package org.cartable.fleet.internal.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.cartable.api.CartableException;
import org.cartable.api.territory.SchoolInfo;
import org.cartable.fleet.internal.AssignmentType;
import org.cartable.fleet.internal.Device;
import org.cartable.fleet.internal.DeviceDetail;
import org.cartable.fleet.internal.DeviceInput;
import org.cartable.fleet.internal.DeviceKind;
import org.cartable.fleet.internal.DeviceState;
import org.cartable.fleet.internal.Financial;
import org.cartable.fleet.internal.Reports;
import org.cartable.fleet.internal.Ticket;

/**
 * The JSON bodies of {@code /api/tools/fleet}, as docs/rest-api.md lists them. Dates are ISO-8601 strings
 * ({@code yyyy-mm-dd} for days), amounts JSON numbers in euros, enums their names.
 */
public final class FleetJson {

    private FleetJson() {
    }

    /** A school the caller sees. */
    public record School(String id, String uai, String name, String collectivityId) {
        static School of(SchoolInfo s) {
            return new School(s.id(), s.uai(), s.name(), s.collectivityId());
        }
    }

    /** {@code <financial>}, in and out. */
    public record FinancialBody(String supplier, String orderNumber, String deliveryNumber, String invoiceNumber,
                                String assetNumber, String funding, String purchaseDate, String startOfUseDate,
                                BigDecimal value, Integer warrantyMonths, Integer depreciationYears) {
        static FinancialBody of(Financial f) {
            return new FinancialBody(f.supplier(), f.orderNumber(), f.deliveryNumber(), f.invoiceNumber(),
                    f.assetNumber(), f.funding(), date(f.purchaseDate()), date(f.startOfUseDate()), f.value(),
                    f.warrantyMonths(), f.depreciationYears());
        }

        Financial toFinancial() {
            return new Financial(supplier, orderNumber, deliveryNumber, invoiceNumber, assetNumber, funding,
                    day(purchaseDate, "purchaseDate"), day(startOfUseDate, "startOfUseDate"), value, warrantyMonths,
                    depreciationYears);
        }
    }

    /** {@code <device>}. */
    public record DeviceBody(String id, String tag, DeviceKind kind, String schoolId, String schoolName, String model,
                             String serial, DeviceState state, List<DeviceState> nextStates,
                             AssignmentType assignmentType, String assignedTo, String assignedLabel,
                             Map<String, String> attributes, FinancialBody financial, String warrantyExpiry,
                             BigDecimal netBookValue, Map<String, String> dates) {
        static DeviceBody of(Device d) {
            Device.Milestones m = d.milestones();
            Map<String, String> dates = new TreeMap<>();
            put(dates, "deliveredOn", m.deliveredOn());
            put(dates, "configuredOn", m.configuredOn());
            put(dates, "enrolledOn", m.enrolledOn());
            put(dates, "filteringOn", m.filteringOn());
            put(dates, "inServiceSince", m.inServiceSince());
            put(dates, "repairSince", m.repairSince());
            put(dates, "lostOn", m.lostOn());
            put(dates, "decommissionedOn", m.decommissionedOn());
            put(dates, "lastInventoryOn", m.lastInventoryOn());
            return new DeviceBody(d.id(), d.tag(), d.kind(), d.schoolId(), d.schoolName(), d.model(), d.serial(),
                    d.state(), d.next().stream().sorted().toList(), d.assignmentType(), d.assignedTo(),
                    d.assignedLabel(), new TreeMap<>(d.attributes()), FinancialBody.of(d.financial()),
                    date(d.warrantyExpiry()), d.netBookValue(), dates);
        }

        private static void put(Map<String, String> dates, String name, LocalDate day) {
            if (day != null) {
                dates.put(name, day.toString());
            }
        }
    }

    /** {@code GET /devices/{id}}: the device, its history, what it holds, its tickets. */
    public record DeviceWithHistory(DeviceBody device, List<Change> history, List<DeviceBody> contents,
                                    List<TicketBody> tickets) {
        static DeviceWithHistory of(DeviceDetail d) {
            return new DeviceWithHistory(DeviceBody.of(d.device()), d.history().stream().map(Change::of).toList(),
                    d.contents().stream().map(DeviceBody::of).toList(),
                    d.tickets().stream().map(TicketBody::of).toList());
        }
    }

    /** A state change. */
    public record Change(DeviceState from, DeviceState to, String at, String authorId, String authorName,
                         String note) {
        static Change of(DeviceDetail.StateChange c) {
            return new Change(c.from(), c.to(), c.at().toString(), c.authorId(), c.authorName(), c.note());
        }
    }

    /** {@code POST /devices} and {@code PUT /devices/{id}}. */
    public record DeviceRequest(DeviceKind kind, String schoolId, String model, String serial,
                                Map<String, String> attributes, FinancialBody financial,
                                AssignmentType assignmentType, String assignedTo, String deliveredOn) {
        DeviceInput toInput() {
            return new DeviceInput(kind, schoolId, model, serial, attributes,
                    financial == null ? null : financial.toFinancial(), assignmentType, assignedTo,
                    day(deliveredOn, "deliveredOn"));
        }
    }

    /** {@code POST /devices/{id}/state}. */
    public record StateRequest(DeviceState state, String note) {
    }

    /** {@code POST /devices/state}: one transition for several devices, all or nothing. */
    public record BulkStateRequest(List<String> deviceIds, DeviceState state, String note) {
    }

    /** {@code POST /inventory}. */
    public record InventoryRequest(String schoolId, List<String> tags) {
    }

    /** The inventory report. */
    public record InventoryBody(String day, List<String> schoolIds, List<DeviceBody> seen, List<String> unknownTags,
                                List<DeviceBody> missing) {
        static InventoryBody of(Reports.InventoryReport r) {
            return new InventoryBody(r.day().toString(), r.schoolIds(), r.seen().stream().map(DeviceBody::of).toList(),
                    r.unknownTags(), r.missing().stream().map(DeviceBody::of).toList());
        }
    }

    /** The import report. */
    public record ImportBody(boolean dryRun, int accepted, List<DeviceBody> created, List<Reports.Rejection> rejected) {
        static ImportBody of(Reports.ImportReport r) {
            return new ImportBody(r.dryRun(), r.accepted(), r.created().stream().map(DeviceBody::of).toList(),
                    r.rejected());
        }
    }

    /** The renewal plan. */
    public record RenewalBody(String asOf, int maxAgeYears, BigDecimal budget, List<Reports.RenewalLine> schools,
                              List<Reports.RenewalLine> collectivities, List<DueBody> devices) {
        static RenewalBody of(Reports.RenewalPlan p) {
            return new RenewalBody(p.asOf().toString(), p.maxAgeYears(), p.budget(), p.schools(), p.collectivities(),
                    p.devices().stream().map(d -> new DueBody(d.device().id(), d.device().tag(), d.device().kind(),
                            d.device().schoolId(), d.reasons(), d.replacementPrice())).toList());
        }
    }

    /** A device due for renewal. */
    public record DueBody(String id, String tag, DeviceKind kind, String schoolId, List<Reports.RenewalReason> reasons,
                          BigDecimal replacementPrice) {
    }

    /** {@code GET /stats}. */
    public record StatsBody(List<Reports.CollectivityFleet> collectivities, List<WeekBody> weeks) {
    }

    /** A week of tickets. */
    public record WeekBody(String week, int opened, int openAtEnd, int solved, Double medianDaysToResolve) {
        static WeekBody of(Reports.TicketWeek w) {
            return new WeekBody(w.week().toString(), w.opened(), w.openAtEnd(), w.solved(), w.medianDaysToResolve());
        }
    }

    /** {@code <ticket>}. */
    public record TicketBody(String id, String deviceId, String deviceTag, String schoolId, String openedBy,
                             String openedByName, String problem, String status, String technicianId,
                             String technicianName, String plannedOn, String openedAt, String assignedAt,
                             String solvedAt, String closedAt, Integer satisfaction, int minutesSpent,
                             boolean hasPhoto, Targets targets, List<String> actions) {
        static TicketBody of(Ticket t) {
            Ticket.Targets g = t.targets();
            return new TicketBody(t.id(), t.deviceId(), t.deviceTag(), t.schoolId(), t.openedBy(), t.openedByName(),
                    t.problem(), t.status().name(), t.technicianId(), t.technicianName(), date(t.plannedOn()),
                    instant(t.openedAt()), instant(t.assignedAt()), instant(t.solvedAt()), instant(t.closedAt()),
                    t.satisfaction(), t.minutesSpent(), t.hasPhoto(),
                    new Targets(g.ownBy().toString(), g.resolveBy().toString(), g.daysToOwn(), g.daysToResolve(),
                            g.lateToOwn(), g.lateToResolve()),
                    t.actions().stream().map(Enum::name).sorted().toList());
        }
    }

    /** Ticket targets in school working days. */
    public record Targets(String ownBy, String resolveBy, int daysToOwn, int daysToResolve, boolean lateToOwn,
                          boolean lateToResolve) {
    }

    /** {@code GET /tickets/{id}}. */
    public record TicketWithNotes(TicketBody ticket, List<NoteBody> notes) {
        static TicketWithNotes of(Ticket.Detail d) {
            return new TicketWithNotes(TicketBody.of(d.ticket()), d.notes().stream().map(n -> new NoteBody(
                    n.at().toString(), n.authorId(), n.authorName(), n.action() == null ? null : n.action().name(),
                    n.text(), n.minutes())).toList());
        }
    }

    /** A follow-up line. */
    public record NoteBody(String at, String authorId, String authorName, String action, String text, int minutes) {
    }

    /** {@code POST /tickets}: {@code photo} is a base64 PNG or JPEG. */
    public record NewTicket(String deviceId, String problem, String photo) {
        byte[] photoBytes() {
            if (photo == null || photo.isBlank()) {
                return null;
            }
            try {
                return Base64.getDecoder().decode(photo.replaceAll("\\s", ""));
            } catch (IllegalArgumentException e) {
                throw CartableException.badRequest("'photo' is not base64.");
            }
        }
    }

    /** The body of the ticket actions; each uses its own fields. */
    public record TicketAction(String technicianId, String plannedOn, String note, Integer minutes,
                               Integer satisfaction) {
        static final TicketAction NONE = new TicketAction(null, null, null, null, null);
    }

    /** {@code POST /tickets/{id}/notes}. */
    public record NewNote(String text, Integer minutes) {
    }

    static String date(LocalDate day) {
        return day == null ? null : day.toString();
    }

    static String instant(java.time.Instant at) {
        return at == null ? null : at.toString();
    }

    static LocalDate day(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw CartableException.badRequest("'" + field + "' must be a date yyyy-mm-dd.");
        }
    }
}
