package org.cartable.fleet.internal;

import static org.cartable.fleet.internal.FakeTerritory.SCHOOL_A;
import static org.cartable.fleet.internal.FakeTerritory.SCHOOL_B;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.cartable.api.Caller;
import org.cartable.api.CartableException;
import org.cartable.fleet.internal.TicketStatus.Action;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tickets on Derby: the workflow, who does what, targets in school working days, photos, weekly figures. */
class TicketServiceTest {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13};

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

    @BeforeEach
    void monday30November() {
        t.clock.set(LocalDate.of(2026, 11, 30));
    }

    @Test
    void aTeacherOpensATechnicianSolvesTheTeacherClosesWithARating() {
        Device tablet = t.tablet(SCHOOL_A);
        Ticket opened = t.tickets.open(p.teacher, tablet.id(), "  L'écran ne s'allume plus.  ", PNG);
        assertEquals(TicketStatus.NEW, opened.status());
        assertEquals("L'écran ne s'allume plus.", opened.problem());
        assertTrue(opened.hasPhoto());
        assertEquals(tablet.tag(), opened.deviceTag());
        assertEquals(Set.of(Action.NOTE), opened.actions(), "the teacher waits for a technician");
        assertEquals("image/png", t.tickets.photo(p.director, opened.id()).contentType());
        assertArrayEquals(PNG, t.tickets.photo(p.teacher, opened.id()).data());

        assertEquals(CartableException.Kind.FORBIDDEN, assertThrows(CartableException.class,
                () -> t.tickets.assign(p.director, opened.id(), null)).kind(), "directors do not handle tickets");
        Ticket assigned = t.tickets.assign(p.operator, opened.id(), null);
        assertEquals(TicketStatus.ASSIGNED, assigned.status());
        assertEquals("operator", assigned.technicianId());
        Ticket planned = t.tickets.plan(p.operator, opened.id(), LocalDate.of(2026, 12, 2), "Passage mercredi");
        assertEquals(LocalDate.of(2026, 12, 2), planned.plannedOn());
        assertEquals(TicketStatus.PENDING, t.tickets.waitFor(p.operator, opened.id(), "Écran commandé").status());
        assertEquals(CartableException.Kind.CONFLICT, assertThrows(CartableException.class,
                () -> t.tickets.close(p.teacher, opened.id(), 5, null)).kind(), "not solved yet");

        t.clock.set(LocalDate.of(2026, 12, 2));
        Ticket solved = t.tickets.solve(p.operator, opened.id(), "Écran remplacé", 45);
        assertEquals(TicketStatus.SOLVED, solved.status());
        assertEquals(45, solved.minutesSpent());
        assertEquals(1, t.notices.stream().filter(n -> n.link().endsWith(opened.id()))
                .filter(n -> n.audience().persons().equals(Set.of("teacher"))).count(), "the teacher is told");
        assertEquals(CartableException.Kind.NOT_FOUND, assertThrows(CartableException.class,
                () -> t.tickets.close(p.teacher2, opened.id(), 5, null)).kind(), "another school's teacher");
        Caller colleague = p.person("colleague", "Autre Enseignant", org.cartable.api.Role.TEACHER);
        p.teaches(colleague, FakeTerritory.CLASS_A1);
        assertEquals(CartableException.Kind.FORBIDDEN, assertThrows(CartableException.class,
                () -> t.tickets.close(colleague, opened.id(), 5, null)).kind(), "a teacher who did not open it");
        assertThrows(CartableException.class, () -> t.tickets.close(p.teacher, opened.id(), 6, null));
        Ticket closed = t.tickets.close(p.teacher, opened.id(), 4, "Merci !");
        assertEquals(TicketStatus.CLOSED, closed.status());
        assertEquals(4, closed.satisfaction());
        assertEquals(Set.of(), closed.actions());

        Ticket.Detail detail = t.tickets.ticket(p.director, opened.id());
        assertEquals(List.of(Action.ASSIGN, Action.PLAN, Action.WAIT, Action.SOLVE, Action.CLOSE),
                detail.notes().stream().map(Ticket.Note::action).toList());
        assertEquals("Écran remplacé", detail.notes().get(3).text());
        assertEquals("Marie Martin", detail.ticket().openedByName());
        assertEquals(1, t.fleet.device(p.director, tablet.id()).tickets().size());
    }

    @Test
    void targetsCountSchoolWorkingDaysAndShowLateTickets() {
        Device tablet = t.tablet(SCHOOL_A);
        // Wednesday 13 May 2026: Ascension on Thursday, then the weekend
        t.clock.set(LocalDate.of(2026, 5, 13));
        Ticket opened = t.tickets.open(p.director, tablet.id(), "Ne charge plus", null);
        assertEquals(LocalDate.of(2026, 5, 15), opened.targets().ownBy(), "one working day: Friday");
        assertEquals(LocalDate.of(2026, 5, 21), opened.targets().resolveBy(), "five: Fri, Mon, Tue, Wed, Thu");
        assertFalse(opened.targets().late());

        t.clock.set(LocalDate.of(2026, 5, 18));
        Ticket waiting = t.tickets.ticket(p.director, opened.id()).ticket();
        assertEquals(2, waiting.targets().daysToOwn());
        assertTrue(waiting.targets().lateToOwn(), "not taken by Friday");
        assertFalse(waiting.targets().lateToResolve());
        Ticket assigned = t.tickets.assign(p.operator, opened.id(), "operator");
        assertEquals(2, assigned.targets().daysToOwn());
        assertTrue(assigned.targets().lateToOwn(), "stays late once assigned");

        t.clock.set(LocalDate.of(2026, 5, 21));
        Ticket solved = t.tickets.solve(p.operator, opened.id(), null, 0);
        assertEquals(5, solved.targets().daysToResolve());
        assertFalse(solved.targets().lateToResolve(), "solved on the last day");
        t.clock.set(LocalDate.of(2026, 6, 30));
        assertFalse(t.tickets.ticket(p.director, opened.id()).ticket().targets().lateToResolve(),
                "a solved ticket's clock stopped");
    }

    @Test
    void bastilleDayIsNoWorkingDay() {
        Device tablet = t.tablet(SCHOOL_A);
        t.clock.set(LocalDate.of(2026, 7, 13));
        Ticket opened = t.tickets.open(p.teacher, tablet.id(), "Clavier cassé", null);
        assertEquals(LocalDate.of(2026, 7, 15), opened.targets().ownBy());
    }

    @Test
    void reopeningRestartsTheResolutionClock() {
        Device tablet = t.tablet(SCHOOL_A);
        Ticket opened = t.tickets.open(p.teacher, tablet.id(), "Wifi", null);
        t.tickets.assign(p.operator, opened.id(), null);
        t.tickets.solve(p.operator, opened.id(), "Réglé", 10);
        Ticket reopened = t.tickets.reopen(p.director, opened.id(), "Toujours pas");
        assertEquals(TicketStatus.ASSIGNED, reopened.status());
        assertNull(reopened.solvedAt());
        assertEquals(CartableException.Kind.FORBIDDEN, assertThrows(CartableException.class,
                () -> t.tickets.note(p.teacher, opened.id(), "J'ai passé du temps", 30)).kind(),
                "time spent is the technicians'");
        assertEquals(10 + 20, t.tickets.note(p.operator, opened.id(), "Diagnostic", 20).minutesSpent());
    }

    @Test
    void scopeAndInputAreChecked() {
        Device a = t.tablet(SCHOOL_A);
        Device b = t.tablet(SCHOOL_B);
        assertEquals(CartableException.Kind.NOT_FOUND, assertThrows(CartableException.class,
                () -> t.tickets.open(p.teacher, b.id(), "Hors école", null)).kind());
        Ticket ticket = t.tickets.open(p.teacher, a.id(), "Écran", null);
        assertEquals(CartableException.Kind.NOT_FOUND, assertThrows(CartableException.class,
                () -> t.tickets.ticket(p.teacher2, ticket.id())).kind());
        assertEquals(CartableException.Kind.NOT_FOUND, assertThrows(CartableException.class,
                () -> t.tickets.ticket(p.directorB, ticket.id())).kind());
        assertTrue(t.tickets.tickets(p.directorB, false).stream().noneMatch(x -> x.id().equals(ticket.id())));
        assertTrue(t.tickets.tickets(p.coladmin, true).stream().anyMatch(x -> x.id().equals(ticket.id())));
        assertThrows(CartableException.class, () -> t.tickets.open(p.teacher, a.id(), "  ", null));
        CartableException gif = assertThrows(CartableException.class,
                () -> t.tickets.open(p.teacher, a.id(), "Photo", "GIF89a....".getBytes()));
        assertTrue(gif.getMessage().contains("PNG or JPEG"), gif.getMessage());
        byte[] huge = new byte[TicketService.PHOTO_MAX + 1];
        huge[0] = (byte) 0xFF;
        huge[1] = (byte) 0xD8;
        huge[2] = (byte) 0xFF;
        assertThrows(CartableException.class, () -> t.tickets.open(p.teacher, a.id(), "Photo", huge));
        assertEquals(CartableException.Kind.NOT_FOUND, assertThrows(CartableException.class,
                () -> t.tickets.photo(p.teacher, ticket.id())).kind(), "no photo");
        assertThrows(CartableException.class, () -> t.tickets.plan(p.operator, ticket.id(), LocalDate.of(2026, 12, 1),
                null), "plan before assignment");
    }

    @Test
    void weeklyFiguresCountOpenedOpenAndMedianResolution() {
        try (TestFleet own = new TestFleet()) {
            Device tablet = own.tablet(SCHOOL_A);
            own.clock.set(LocalDate.of(2026, 11, 16)); // Monday, two weeks ago
            Ticket a = own.tickets.open(own.territory.teacher, tablet.id(), "A", null);
            Ticket b = own.tickets.open(own.territory.teacher, tablet.id(), "B", null);
            own.tickets.assign(own.territory.operator, a.id(), null);
            own.tickets.assign(own.territory.operator, b.id(), null);
            own.clock.set(LocalDate.of(2026, 11, 18));
            own.tickets.solve(own.territory.operator, a.id(), null, 0); // 2 working days
            own.clock.set(LocalDate.of(2026, 11, 25));
            own.tickets.solve(own.territory.operator, b.id(), null, 0); // 7 working days
            own.tickets.open(own.territory.teacher, tablet.id(), "C", null);
            own.clock.set(LocalDate.of(2026, 11, 30));
            List<Reports.TicketWeek> weeks = own.tickets.weeks(own.territory.operator, 3);
            assertEquals(List.of(LocalDate.of(2026, 11, 16), LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 30)),
                    weeks.stream().map(Reports.TicketWeek::week).toList());
            assertEquals(List.of(2, 1, 0), weeks.stream().map(Reports.TicketWeek::opened).toList());
            assertEquals(List.of(1, 1, 1), weeks.stream().map(Reports.TicketWeek::openAtEnd).toList());
            assertEquals(2.0, weeks.get(0).medianDaysToResolve());
            assertEquals(7.0, weeks.get(1).medianDaysToResolve());
            assertNull(weeks.get(2).medianDaysToResolve());
            assertEquals(2.5, TicketService.median(List.of(1, 4, 2, 3)));
        }
    }
}
