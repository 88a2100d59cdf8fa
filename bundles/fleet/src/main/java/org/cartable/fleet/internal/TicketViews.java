package org.cartable.fleet.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

import org.cartable.fleet.internal.data.DeviceEntity;
import org.cartable.fleet.internal.data.TicketEntity;

/** Builds the caller's view of tickets: names, allowed actions and targets in school working days. */
final class TicketViews {

    private final FleetService.Views views;
    private final FleetSettings settings;
    private final LocalDate today;

    TicketViews(FleetService.Views views, FleetSettings settings, LocalDate today) {
        this.views = views;
        this.settings = settings;
        this.today = today;
    }

    Ticket ticket(TicketEntity t) {
        DeviceEntity device = views.entityManager().find(DeviceEntity.class, t.deviceId());
        return new Ticket(t.id(), t.deviceId(), device.tag(), device.kind(), t.schoolId(), views.school(t.schoolId()),
                t.openedBy(), views.personName(t.openedBy()), t.problem(), t.status(), t.technicianId(),
                views.personName(t.technicianId()), t.plannedOn(), t.openedAt(), t.assignedAt(), t.solvedAt(),
                t.closedAt(), t.satisfaction(), t.minutesSpent(), t.hasPhoto(), targets(t), actions(views.viewer(), t));
    }

    Ticket.Targets targets(TicketEntity t) {
        return targets(settings, t.openedAt(), t.assignedAt(), t.solvedAt(), today);
    }

    /** Targets count the working days after the day of opening; an open ticket is measured until today. */
    static Ticket.Targets targets(FleetSettings settings, Instant openedAt, Instant assignedAt, Instant solvedAt,
                                  LocalDate today) {
        WorkingDays calendar = settings.workingDays();
        LocalDate opened = day(openedAt);
        LocalDate ownBy = calendar.plus(opened, settings.ownTargetDays());
        LocalDate resolveBy = calendar.plus(opened, settings.resolveTargetDays());
        LocalDate owned = assignedAt == null ? today : day(assignedAt);
        LocalDate solved = solvedAt == null ? today : day(solvedAt);
        return new Ticket.Targets(ownBy, resolveBy, calendar.between(opened, owned), calendar.between(opened, solved),
                owned.isAfter(ownBy), solved.isAfter(resolveBy));
    }

    static LocalDate day(Instant instant) {
        return instant.atZone(FleetService.SCHOOL_ZONE).toLocalDate();
    }

    static Set<TicketStatus.Action> actions(Viewer viewer, TicketEntity t) {
        Set<TicketStatus.Action> actions = EnumSet.noneOf(TicketStatus.Action.class);
        boolean school = viewer.id().equals(t.openedBy()) || (viewer.director() && viewer.sees(t.schoolId()));
        for (TicketStatus.Action action : TicketStatus.Action.values()) {
            boolean who = action.technicianOnly() ? viewer.technician()
                    : action == TicketStatus.Action.NOTE || school || viewer.technician();
            if (who && action.allowedFrom(t.status())) {
                actions.add(action);
            }
        }
        return actions;
    }
}
