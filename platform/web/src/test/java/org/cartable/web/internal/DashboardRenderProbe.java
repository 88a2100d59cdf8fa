package org.cartable.web.internal;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.Arrays;

import org.cartable.web.internal.pages.DashboardPage;
import org.junit.jupiter.api.Test;

/**
 * A benchmark, not a test (its name keeps it out of the build's test run): the CPU time and the memory allocated to
 * render a parent's dashboard with a full feed (30 items shown), in-process, without database or HTTP. It isolates
 * Wicket's share of the dashboard's cost. Run it with
 * {@code mvn -B -o -q test -pl platform/web -Dtest=DashboardRenderProbe -Dsurefire.failIfNoSpecifiedTests=false}
 * ({@code -Drounds=3000 -Dpasses=7} by default); the last passes are the warm figures. The allocation is stable from
 * run to run; the CPU time moves by ±15 % between JVMs (JIT).
 */
class DashboardRenderProbe {

    @Test
    void renderTheParentsDashboard() {
        ShellFixture shell = new ShellFixture();
        for (int i = 0; i < 40; i++) {
            shell.feed.add(ShellFixture.SOPHIE.userId(), "item-" + i, "blog", i % 2 == 0 ? "Léa" : null,
                    "Nouvel article « Sortie au musée » numéro " + i, "/app/blog/x", Instant.now().minusSeconds(i * 60));
        }
        shell.signIn(ShellFixture.SOPHIE);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        int rounds = Integer.getInteger("rounds", 3000);
        for (int pass = 0; pass < Integer.getInteger("passes", 7); pass++) {
            long[] cpu = new long[rounds];
            long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < rounds; i++) {
                long start = threads.getCurrentThreadCpuTime();
                shell.tester.executeUrl("./");
                cpu[i] = threads.getCurrentThreadCpuTime() - start;
                if (i % 500 == 0) {
                    // the tester keeps every page; a server keeps the last few of a session
                    shell.tester.getSession().getPageManager().clear();
                }
            }
            long allocated = (threads.getCurrentThreadAllocatedBytes() - allocatedBefore) / rounds;
            Arrays.sort(cpu);
            shell.tester.assertRenderedPage(DashboardPage.class);
            System.out.println("[DashboardRenderProbe] pass " + pass + ": CPU p50 " + cpu[rounds / 2] / 1000
                    + " us, p10 " + cpu[rounds / 10] / 1000 + " us, " + allocated / 1024 + " KB allocated per render, "
                    + shell.html().length() + " characters of HTML");
        }
        shell.destroy();
    }
}
