package org.cartable.fleet.internal;

import static org.cartable.fleet.internal.FakeTerritory.SCHOOL_A;
import static org.cartable.fleet.internal.FakeTerritory.SCHOOL_B;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.Locale;

import org.apache.wicket.request.mapper.parameter.PageParameters;
import org.apache.wicket.util.tester.FormTester;
import org.apache.wicket.util.tester.WicketTester;
import org.cartable.api.Directory;
import org.cartable.api.ToolAccess;
import org.cartable.api.territory.Territory;
import org.cartable.fleet.internal.web.ChartsPage;
import org.cartable.fleet.internal.web.DevicePage;
import org.cartable.fleet.internal.web.FleetHomePage;
import org.cartable.fleet.internal.web.InventoryPage;
import org.cartable.fleet.internal.web.LabelsPage;
import org.cartable.fleet.internal.web.RenewalPage;
import org.cartable.fleet.internal.web.TicketPage;
import org.cartable.fleet.internal.web.TicketsPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.ServiceRegistration;

/** The pages over the real services and database; the platform's services are the fake territory. */
class FleetPagesTest {

    private static TestFleet t;
    private static FakeTerritory p;
    private static List<ServiceRegistration<?>> registrations;

    private TestShell shell;
    private WicketTester tester;

    @BeforeAll
    static void startServices() {
        t = new TestFleet();
        p = t.territory;
        var context = EmbeddedFramework.context();
        registrations = List.of(
                context.registerService(ToolAccess.class, p, null),
                context.registerService(Territory.class, p, null),
                context.registerService(Directory.class, p, null),
                context.registerService(FleetService.class, t.fleet, null),
                context.registerService(TicketService.class, t.tickets, null),
                context.registerService(DeliveryImport.class, t.imports, null),
                context.registerService(GlpiExport.class, t.export, null));
    }

    @AfterAll
    static void stopServices() {
        registrations.forEach(ServiceRegistration::unregister);
        t.close();
    }

    @BeforeEach
    void startTester() {
        shell = new TestShell();
        tester = new WicketTester(shell);
        tester.getSession().setLocale(Locale.FRENCH);
    }

    @AfterEach
    void stopTester() {
        tester.destroy();
    }

    @Test
    void theOperatorTicksDevicesAndChangesTheirStateAtOnce() {
        Device a = t.tablet(SCHOOL_A);
        Device b = t.tablet(SCHOOL_A);
        Device c = t.move(p.operator, t.tablet(SCHOOL_A), DeviceState.CONFIGURED);
        shell.signIn(p.operator);
        tester.startPage(FleetHomePage.class);
        tester.assertRenderedPage(FleetHomePage.class);
        tester.assertVisible("bulk:bulkAction");

        // refused: c is already configured; the message names it and nothing changes
        FormTester refused = tester.newFormTester("bulk");
        refused.selectMultiple("group", new int[] {index(a), index(b), index(c)});
        refused.select("bulkAction:bulkState", DeviceState.CONFIGURED.ordinal());
        refused.submit("bulkAction:applyState");
        assertTrue(tester.getMessages(org.apache.wicket.feedback.FeedbackMessage.ERROR).stream()
                .anyMatch(m -> m.toString().contains(c.tag() + " (Configuré)")), tester.getMessages(
                org.apache.wicket.feedback.FeedbackMessage.ERROR)::toString);
        assertEquals(DeviceState.FACTORY, t.fleet.device(p.operator, a.id()).device().state());

        tester.startPage(FleetHomePage.class);
        FormTester form = tester.newFormTester("bulk");
        form.selectMultiple("group", new int[] {index(a), index(b)});
        form.select("bulkAction:bulkState", DeviceState.CONFIGURED.ordinal());
        form.setValue("bulkAction:bulkNote", "Lot de rentrée");
        form.submit("bulkAction:applyState");
        tester.assertNoErrorMessage();
        assertEquals(DeviceState.CONFIGURED, t.fleet.device(p.operator, a.id()).device().state());
        assertEquals(DeviceState.CONFIGURED, t.fleet.device(p.operator, b.id()).device().state());
        assertEquals("Lot de rentrée", t.fleet.device(p.operator, b.id()).history().get(1).note());
        assertSerializable();
    }

    /* The position of the device's checkbox in the list as the page shows it (by school, then tag). */
    private int index(Device device) {
        List<Device> shown = t.fleet.devices(p.operator, DeviceFilter.all());
        for (int i = 0; i < shown.size(); i++) {
            if (shown.get(i).id().equals(device.id())) {
                return i;
            }
        }
        throw new AssertionError("not listed: " + device.tag());
    }

    @Test
    void theDirectorReadsHerSchoolOnly() {
        Device a = t.tablet(SCHOOL_A);
        Device b = t.tablet(SCHOOL_B);
        shell.signIn(p.director);
        tester.startPage(FleetHomePage.class);
        tester.assertInvisible("bulk:bulkAction");
        tester.assertContains(a.tag());
        tester.assertContainsNot(b.tag());
        tester.startPage(DevicePage.class, new PageParameters().add("id", a.id()));
        tester.assertRenderedPage(DevicePage.class);
        tester.assertInvisible("detail:edit");
        tester.assertVisible("detail:newTicket");
        tester.startPage(DevicePage.class, new PageParameters().add("id", b.id()));
        tester.assertRenderedPage(TestShell.DeniedPage.class);
        shell.signIn(p.pupil);
        tester.startPage(FleetHomePage.class);
        tester.assertRenderedPage(TestShell.DeniedPage.class);
    }

    @Test
    void aTeacherOpensATicketFromTheDevicePage() {
        Device a = t.tablet(SCHOOL_A);
        shell.signIn(p.teacher);
        tester.startPage(DevicePage.class, new PageParameters().add("id", a.id()));
        FormTester form = tester.newFormTester("detail:newTicket");
        form.setValue("problem", "La batterie gonfle");
        form.submit("open");
        tester.assertNoErrorMessage();
        tester.assertRenderedPage(TicketPage.class);
        tester.assertContains("La batterie gonfle");
        tester.assertInvisible("actions:assign");
        Ticket ticket = t.tickets.tickets(p.teacher, true).stream()
                .filter(x -> x.deviceId().equals(a.id())).findFirst().orElseThrow();

        shell.signIn(p.operator);
        tester.startPage(TicketPage.class, new PageParameters().add("id", ticket.id()));
        tester.newFormTester("actions").submit("assign");
        tester.assertNoErrorMessage();
        assertEquals(TicketStatus.ASSIGNED, t.tickets.ticket(p.operator, ticket.id()).ticket().status());
        tester.startPage(TicketsPage.class);
        tester.assertContains("La batterie gonfle");
    }

    @Test
    void labelsInventoryRenewalAndChartsRender() {
        Device a = t.tablet(SCHOOL_A);
        shell.signIn(p.operator);
        tester.startPage(LabelsPage.class, new PageParameters().add("ids", a.id()));
        tester.assertContains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qr\"");
        tester.assertContains(a.tag());

        shell.signIn(p.director);
        tester.startPage(InventoryPage.class);
        FormTester form = tester.newFormTester("form");
        form.setValue("tags", a.tag() + "\nCART-NOPE-1\n");
        form.submit("check");
        tester.assertNoErrorMessage();
        tester.assertContains("CART-NOPE-1");

        tester.startPage(RenewalPage.class);
        tester.assertRenderedPage(RenewalPage.class);
        tester.startPage(ChartsPage.class);
        tester.assertContains("class=\"chart\"");
        tester.assertContainsNot("<script");
    }

    private void assertSerializable() {
        try (ObjectOutputStream out = new ObjectOutputStream(new ByteArrayOutputStream())) {
            out.writeObject(tester.getLastRenderedPage());
        } catch (IOException e) {
            throw new AssertionError("the page must be serialisable", e);
        }
    }
}
