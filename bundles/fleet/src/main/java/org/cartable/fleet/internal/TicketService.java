package org.cartable.fleet.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import javax.persistence.EntityManager;

import org.cartable.api.Caller;
import org.cartable.api.CartableException;
import org.cartable.api.Directory;
import org.cartable.api.notify.Audience;
import org.cartable.api.notify.LocalizedText;
import org.cartable.api.notify.Notice;
import org.cartable.api.notify.Notifications;
import org.cartable.fleet.internal.Reports.TicketWeek;
import org.cartable.fleet.internal.TicketStatus.Action;
import org.cartable.fleet.internal.data.DeviceEntity;
import org.cartable.fleet.internal.data.TicketEntity;
import org.cartable.fleet.internal.data.TicketNoteEntity;
import org.cartable.fleet.internal.data.TicketPhotoEntity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Maintenance tickets: opened on a device by anyone who sees it (teachers and directors of its school, mostly), with
 * an optional photo; handled by the operator's technicians through {@link TicketStatus}; closed with a satisfaction
 * rating by the school. Who sees a ticket: whoever sees its device's school; anything else is NOT_FOUND.
 */
@Component(service = TicketService.class)
public final class TicketService {

    public static final int PROBLEM_MAX = 4000;
    /** Photos fit the platform's REST body limit once base64-encoded in JSON; the web form takes the same. */
    public static final int PHOTO_MAX = 700 * 1024;
    static final int MINUTES_MAX = 24 * 60;

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};

    private final FleetService fleet;
    private final Directory directory;
    private final Notifications notifications;

    @Activate
    public TicketService(@Reference(name = "fleet") FleetService fleet,
                         @Reference(name = "directory") Directory directory,
                         @Reference(name = "notifications", cardinality = ReferenceCardinality.OPTIONAL,
                                 policyOption = ReferencePolicyOption.GREEDY) Notifications notifications) {
        this.fleet = fleet;
        this.directory = directory;
        this.notifications = notifications;
    }

    /** Anyone who sees the device, on a device not retired. */
    public Ticket open(Caller caller, String deviceId, String problem, byte[] photo) {
        Viewer viewer = fleet.viewer(caller);
        String text = FleetService.optional(problem, PROBLEM_MAX, "problem");
        if (text == null) {
            throw CartableException.badRequest("Describe the problem.");
        }
        String photoType = photo == null || photo.length == 0 ? null : photoType(photo);
        return fleet.inTransaction(em -> {
            DeviceEntity device = FleetService.visible(em, viewer, deviceId);
            if (device.state() == DeviceState.RETIRED) {
                throw CartableException.conflict(device.tag() + " is retired.");
            }
            TicketEntity ticket = new TicketEntity(UUID.randomUUID().toString(), device.id(), device.schoolId(),
                    viewer.id(), text, photoType != null, fleet.now());
            em.persist(ticket);
            if (photoType != null) {
                em.persist(new TicketPhotoEntity(ticket.id(), photoType, photo));
            }
            return views(em, viewer).ticket(ticket);
        });
    }

    /** @return the content type of a PNG or JPEG image, judged by its first bytes */
    static String photoType(byte[] photo) {
        if (photo.length > PHOTO_MAX) {
            throw CartableException.badRequest("The photo is larger than " + PHOTO_MAX / 1024 + " KiB.");
        }
        if (startsWith(photo, PNG)) {
            return "image/png";
        }
        if (startsWith(photo, JPEG)) {
            return "image/jpeg";
        }
        throw CartableException.badRequest("The photo must be a PNG or JPEG image.");
    }

    private static boolean startsWith(byte[] data, byte[] magic) {
        return data.length >= magic.length && Arrays.equals(data, 0, magic.length, magic, 0, magic.length);
    }

    /** @return the tickets of the caller's schools, newest first; open (not solved) ones only if asked */
    public List<Ticket> tickets(Caller caller, boolean openOnly) {
        Viewer viewer = fleet.viewer(caller);
        if (viewer.seesNothing()) {
            return List.of();
        }
        return fleet.inTransaction(em -> {
            var query = em.createQuery("select t from TicketEntity t" + (viewer.everything() ? ""
                    : " where t.schoolId in :schools") + " order by t.openedAt desc", TicketEntity.class);
            if (!viewer.everything()) {
                query.setParameter("schools", viewer.schools());
            }
            TicketViews views = views(em, viewer);
            return query.getResultList().stream().filter(t -> !openOnly || t.status().open())
                    .map(views::ticket).toList();
        });
    }

    public Ticket.Detail ticket(Caller caller, String ticketId) {
        Viewer viewer = fleet.viewer(caller);
        return fleet.inTransaction(em -> detail(em, viewer, visible(em, viewer, ticketId)));
    }

    public Ticket.Photo photo(Caller caller, String ticketId) {
        Viewer viewer = fleet.viewer(caller);
        return fleet.inTransaction(em -> {
            visible(em, viewer, ticketId);
            TicketPhotoEntity photo = em.find(TicketPhotoEntity.class, ticketId);
            if (photo == null) {
                throw CartableException.notFound("This ticket has no photo.");
            }
            return new Ticket.Photo(photo.contentType(), photo.data());
        });
    }

    /** Technicians: takes the ticket (for themselves when {@code technicianId} is null) or hands it over. */
    public Ticket assign(Caller caller, String ticketId, String technicianId) {
        return act(caller, ticketId, Action.ASSIGN, null, 0, (em, t, viewer) -> {
            String technician = technicianId == null || technicianId.isBlank() ? viewer.id() : technicianId.strip();
            if (directory.person(technician).isEmpty()) {
                throw CartableException.badRequest("No such technician.");
            }
            t.assign(technician, fleet.now());
        });
    }

    /** Technicians: the day of the intervention. */
    public Ticket plan(Caller caller, String ticketId, LocalDate day, String note) {
        if (day == null) {
            throw CartableException.badRequest("'plannedOn' is required.");
        }
        return act(caller, ticketId, Action.PLAN, note, 0, (em, t, viewer) -> {
            if (day.isBefore(fleet.today())) {
                throw CartableException.badRequest("'plannedOn' is in the past.");
            }
            t.plan(day);
        });
    }

    /** Technicians: waiting for something (a part, the school). */
    public Ticket waitFor(Caller caller, String ticketId, String note) {
        return act(caller, ticketId, Action.WAIT, note, 0, (em, t, viewer) -> t.waitFor());
    }

    /** Technicians. Whoever opened the ticket is told. */
    public Ticket solve(Caller caller, String ticketId, String note, int minutes) {
        Ticket solved = act(caller, ticketId, Action.SOLVE, note, minutes,
                (em, t, viewer) -> t.solve(fleet.now()));
        tellSolved(caller, solved);
        return solved;
    }

    /** Whoever opened it, the school's director or a technician; {@code satisfaction} 1–5 or null. */
    public Ticket close(Caller caller, String ticketId, Integer satisfaction, String note) {
        if (satisfaction != null && (satisfaction < 1 || satisfaction > 5)) {
            throw CartableException.badRequest("'satisfaction' must be between 1 and 5.");
        }
        return act(caller, ticketId, Action.CLOSE, note, 0, (em, t, viewer) -> t.close(satisfaction, fleet.now()));
    }

    /** Whoever opened it, the school's director or a technician, when the fix did not hold. */
    public Ticket reopen(Caller caller, String ticketId, String note) {
        return act(caller, ticketId, Action.REOPEN, note, 0, (em, t, viewer) -> t.reopen());
    }

    /** Anyone who sees the ticket, until it is closed; time spent is for technicians. */
    public Ticket note(Caller caller, String ticketId, String text, int minutes) {
        if (FleetService.optional(text, PROBLEM_MAX, "text") == null && minutes == 0) {
            throw CartableException.badRequest("Write a note or give the time spent.");
        }
        return act(caller, ticketId, Action.NOTE, text, minutes, (em, t, viewer) -> { });
    }

    @FunctionalInterface
    private interface Step {
        void apply(EntityManager em, TicketEntity ticket, Viewer viewer);
    }

    private Ticket act(Caller caller, String ticketId, Action action, String note, int minutes, Step step) {
        Viewer viewer = fleet.viewer(caller);
        String text = FleetService.optional(note, PROBLEM_MAX, "note");
        if (minutes < 0 || minutes > MINUTES_MAX) {
            throw CartableException.badRequest("'minutes' must be between 0 and " + MINUTES_MAX + ".");
        }
        if (minutes > 0 && !viewer.technician()) {
            throw CartableException.forbidden("Only technicians log time spent.");
        }
        return fleet.inTransaction(em -> {
            TicketEntity ticket = visible(em, viewer, ticketId);
            if (!TicketViews.actions(viewer, ticket).contains(action)) {
                if (!action.allowedFrom(ticket.status())) {
                    throw CartableException.conflict("A " + ticket.status() + " ticket cannot be "
                            + action.name().toLowerCase(Locale.ROOT) + "ed.");
                }
                throw CartableException.forbidden(action.technicianOnly()
                        ? "Only the operator's technicians handle tickets."
                        : "Only whoever opened the ticket, the school's director or a technician may do this.");
            }
            step.apply(em, ticket, viewer);
            ticket.spend(minutes);
            em.persist(new TicketNoteEntity(UUID.randomUUID().toString(), ticket.id(), viewer.id(), fleet.now(),
                    action, text, minutes));
            return views(em, viewer).ticket(ticket);
        });
    }

    private void tellSolved(Caller caller, Ticket ticket) {
        if (notifications == null || ticket.openedBy().equals(caller.userId())) {
            return;
        }
        try {
            notifications.publish(new Notice(FleetApp.ID, FleetApp.NOTICE_TICKET, null, caller.userId(),
                    Audience.persons(List.of(ticket.openedBy())),
                    LocalizedText.render(locale -> FleetApp.text(locale, "notice.solved")
                            .replace("{0}", ticket.deviceTag())),
                    FleetApp.ID + "/ticket/" + ticket.id()));
        } catch (RuntimeException e) {
            // The ticket is solved either way; a feed that is restarting must not turn that into an error.
        }
    }

    /** Weekly ticket figures for the last {@code weeks} weeks, the current one last. */
    public List<TicketWeek> weeks(Caller caller, int weeks) {
        if (weeks < 1 || weeks > 104) {
            throw CartableException.badRequest("'weeks' must be between 1 and 104.");
        }
        List<Ticket> all = tickets(caller, false);
        WorkingDays calendar = fleet.settings().workingDays();
        LocalDate thisMonday = fleet.today().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        List<TicketWeek> result = new ArrayList<>();
        for (int i = weeks - 1; i >= 0; i--) {
            LocalDate monday = thisMonday.minusWeeks(i);
            LocalDate nextMonday = monday.plusWeeks(1);
            int opened = 0;
            int openAtEnd = 0;
            List<Integer> days = new ArrayList<>();
            for (Ticket t : all) {
                LocalDate openedOn = TicketViews.day(t.openedAt());
                LocalDate solvedOn = t.solvedAt() == null ? null : TicketViews.day(t.solvedAt());
                if (!openedOn.isBefore(monday) && openedOn.isBefore(nextMonday)) {
                    opened++;
                }
                if (openedOn.isBefore(nextMonday) && (solvedOn == null || !solvedOn.isBefore(nextMonday))) {
                    openAtEnd++;
                }
                if (solvedOn != null && !solvedOn.isBefore(monday) && solvedOn.isBefore(nextMonday)) {
                    days.add(calendar.between(openedOn, solvedOn));
                }
            }
            result.add(new TicketWeek(monday, opened, openAtEnd, days.size(), median(days)));
        }
        return result;
    }

    static Double median(List<Integer> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Integer> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }

    private TicketViews views(EntityManager em, Viewer viewer) {
        return new TicketViews(fleet.views(em, viewer), fleet.settings(), fleet.today());
    }

    private static TicketEntity visible(EntityManager em, Viewer viewer, String ticketId) {
        TicketEntity ticket = ticketId == null ? null : em.find(TicketEntity.class, ticketId);
        if (ticket == null || !viewer.sees(ticket.schoolId())) {
            throw CartableException.notFound("Ticket not found.");
        }
        return ticket;
    }

    private Ticket.Detail detail(EntityManager em, Viewer viewer, TicketEntity ticket) {
        TicketViews views = views(em, viewer);
        FleetService.Views names = fleet.views(em, viewer);
        List<Ticket.Note> notes = em.createQuery("select n from TicketNoteEntity n where n.ticketId = :id"
                        + " order by n.at, n.id", TicketNoteEntity.class)
                .setParameter("id", ticket.id()).getResultList().stream()
                .map(n -> new Ticket.Note(n.at(), n.authorId(), names.personName(n.authorId()), n.action(), n.text(),
                        n.minutes()))
                .toList();
        return new Ticket.Detail(views.ticket(ticket), notes);
    }
}
