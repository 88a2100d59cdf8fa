package org.cartable.core.internal.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.cartable.api.demo.DemoContent;
import org.cartable.api.demo.DemoDirectory;
import org.cartable.core.internal.SmallDirectory;
import org.cartable.core.internal.apps.CoreAppCatalog;
import org.cartable.core.internal.directory.DirectoryWriter;
import org.cartable.api.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoContentRunnerTest {

    private SmallDirectory d;
    private DemoContentRunner runner;

    @BeforeAll
    void start() {
        d = new SmallDirectory();
        runner = DemoContentRunner.create(d.jpa, new CoreAppCatalog(), d.clock, true);
    }

    @AfterAll
    void stop() {
        runner.close();
        d.close();
    }

    /** Records what it saw of the demo directory; fails while {@code failures} is positive. */
    private static final class Recorder implements DemoContent {
        final String appId;
        final List<String> seen = new ArrayList<>();
        int failures;

        Recorder(String appId) {
            this.appId = appId;
        }

        @Override
        public String appId() {
            return appId;
        }

        @Override
        public void seed(DemoDirectory directory) {
            seen.add(directory.caller("teacher").displayName() + " / " + directory.classId("CM1"));
            if (failures-- > 0) {
                throw new IllegalStateException("app not ready");
            }
        }
    }

    @Test
    void eachAppIsSeededOnceAfterTheDemoDirectoryAndAFailureIsRetried() {
        Recorder first = new Recorder("first");
        assertFalse(runner.seed(first), "no demo directory yet: nothing is seeded");
        assertEquals(List.of(), first.seen);

        d.jpa.tx(em -> new DirectoryWriter(em, d.clock).person("teacher", "x", "Marie", "Dupont", Role.TEACHER));
        first.failures = 1;
        assertFalse(runner.seed(first));
        assertTrue(runner.seed(first), "tried again at the next start");
        assertEquals(List.of("Marie Dupont / " + d.a1, "Marie Dupont / " + d.a1), first.seen);
        assertFalse(runner.seed(first), "never twice");
        assertEquals(2, first.seen.size());

        assertTrue(runner.seed(new Recorder("second")), "apps are recorded one by one");
        assertEquals(2L, (long) d.jpa.txExpr(em -> em.createQuery("select count(r) from DemoContentRun r",
                Long.class).getSingleResult()));
        assertEquals(1L, (long) d.jpa.txExpr(em -> em.createQuery(
                "select count(p) from Person p where p.login = 'teacher'", Long.class).getSingleResult()));
    }
}
