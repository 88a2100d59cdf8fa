package org.cartable.core.internal.apps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.sql.SQLSyntaxErrorException;
import java.util.List;
import java.util.Map;

import org.cartable.core.service.AppStatus;
import org.junit.jupiter.api.Test;
import org.osgi.service.component.ComponentException;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;

class AppHealthTest {

    @Test
    void allComponentsUpIsActive() {
        ComponentDescriptionDTO app = component("org.cartable.blog.internal.BlogApp");
        ComponentDescriptionDTO service = component("org.cartable.blog.internal.BlogService");
        AppHealth.Verdict verdict = AppHealth.of(List.of(app, service), Map.of(
                app, List.of(configuration(ComponentConfigurationDTO.ACTIVE, null)),
                // a delayed component nobody asked for yet is fine
                service, List.of(configuration(ComponentConfigurationDTO.SATISFIED, null)))::get);
        assertEquals(AppStatus.ACTIVE, verdict.status());
        assertNull(verdict.problem());
    }

    @Test
    void aFailedMigrationIsFailedWithTheUsefulCauseNotTheWrappers() {
        SQLSyntaxErrorException sql = new SQLSyntaxErrorException("Syntax error: Encountered \"<EOF>\" at line 1, column 20.");
        IllegalStateException migration = new IllegalStateException(
                "Schema migration db/broken/changelog.xml of org.example.broken failed: Migration failed", sql);
        ComponentException wrapper = new ComponentException(new InvocationTargetException(migration));
        ComponentDescriptionDTO app = component("org.example.broken.BrokenApp");
        ComponentDescriptionDTO service = component("org.example.broken.internal.BrokenService");
        AppHealth.Verdict verdict = AppHealth.of(List.of(app, service), Map.of(
                app, List.of(configuration(ComponentConfigurationDTO.ACTIVE, null)),
                service, List.of(configuration(ComponentConfigurationDTO.FAILED_ACTIVATION, stackTrace(wrapper))))::get);
        assertEquals(AppStatus.FAILED, verdict.status());
        assertTrue(verdict.problem().startsWith("BrokenService: IllegalStateException: Schema migration "
                + "db/broken/changelog.xml of org.example.broken failed"), verdict::problem);
        assertTrue(verdict.problem().endsWith("| root cause: SQLSyntaxErrorException: Syntax error: Encountered "
                + "\"<EOF>\" at line 1, column 20."), verdict::problem);
        assertFalse(verdict.problem().contains("\n"), "one line");
    }

    @Test
    void classNamesRepeatedInsideMessagesAreDropped() {
        IllegalStateException wrapped = new IllegalStateException("Schema migration db/x/changelog.xml of x failed: "
                + "liquibase.exception.LiquibaseException: liquibase.exception.MigrationFailedException: Migration"
                + " failed for changeset db/x/changelog.xml::x-1::me:");
        assertEquals("IllegalStateException: Schema migration db/x/changelog.xml of x failed: Migration failed for"
                + " changeset db/x/changelog.xml::x-1::me:", AppHealth.reason(stackTrace(wrapped)));
    }

    @Test
    void aFailureWinsOverAWaitAndEveryFailureIsNamed() {
        ComponentDescriptionDTO a = component("x.A");
        ComponentDescriptionDTO b = component("x.B");
        ComponentDescriptionDTO c = component("x.C");
        AppHealth.Verdict verdict = AppHealth.of(List.of(a, b, c), Map.of(
                a, List.of(configuration(ComponentConfigurationDTO.UNSATISFIED_REFERENCE, null)),
                b, List.of(configuration(ComponentConfigurationDTO.FAILED_ACTIVATION,
                        stackTrace(new NullPointerException("boom")))),
                c, List.of(configuration(ComponentConfigurationDTO.FAILED_ACTIVATION,
                        stackTrace(new RuntimeException("bang")))))::get);
        assertEquals(AppStatus.FAILED, verdict.status());
        assertEquals("B: NullPointerException: boom | C: RuntimeException: bang", verdict.problem());
    }

    @Test
    void aMissingMandatoryServiceIsWaitingAndNamesIt() {
        ComponentDescriptionDTO service = component("org.cartable.blog.internal.BlogService");
        ComponentConfigurationDTO waiting = configuration(ComponentConfigurationDTO.UNSATISFIED_REFERENCE, null);
        UnsatisfiedReferenceDTO jpa = new UnsatisfiedReferenceDTO();
        jpa.name = "jpa";
        jpa.target = "(osgi.unit.name=cartable-blog)";
        waiting.unsatisfiedReferences = new UnsatisfiedReferenceDTO[] {jpa};
        AppHealth.Verdict verdict = AppHealth.of(List.of(service), Map.of(service, List.of(waiting))::get);
        assertEquals(AppStatus.WAITING, verdict.status());
        assertEquals("BlogService waits for jpa (osgi.unit.name=cartable-blog)", verdict.problem());
    }

    @Test
    void disabledComponentsAndComponentsWithoutConfigurationDoNotCount() {
        ComponentDescriptionDTO off = component("x.Off");
        off.defaultEnabled = false;
        ComponentDescriptionDTO needsConfig = component("x.NeedsConfig");
        AppHealth.Verdict verdict = AppHealth.of(List.of(off, needsConfig), Map.of(
                off, List.of(configuration(ComponentConfigurationDTO.FAILED_ACTIVATION, "x")),
                needsConfig, List.<ComponentConfigurationDTO>of())::get);
        assertEquals(AppStatus.ACTIVE, verdict.status());
    }

    @Test
    void longOrMissingReasonsStayReadable() {
        ComponentDescriptionDTO c = component("x.C");
        String huge = stackTrace(new IllegalStateException("y".repeat(5_000)));
        AppHealth.Verdict verdict = AppHealth.of(List.of(c),
                Map.of(c, List.of(configuration(ComponentConfigurationDTO.FAILED_ACTIVATION, huge)))::get);
        assertEquals(AppHealth.PROBLEM_MAX, verdict.problem().length());
        assertEquals("activation failed (no reason given)", AppHealth.reason(null));
        assertEquals("IllegalStateException", AppHealth.reason(stackTrace(new IllegalStateException())));
    }

    static ComponentDescriptionDTO component(String name) {
        ComponentDescriptionDTO dto = new ComponentDescriptionDTO();
        dto.name = name;
        dto.defaultEnabled = true;
        return dto;
    }

    static ComponentConfigurationDTO configuration(int state, String failure) {
        ComponentConfigurationDTO dto = new ComponentConfigurationDTO();
        dto.state = state;
        dto.failure = failure;
        dto.unsatisfiedReferences = new UnsatisfiedReferenceDTO[0];
        return dto;
    }

    /** What Felix SCR stores as the failure: the printed stack trace. */
    static String stackTrace(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
