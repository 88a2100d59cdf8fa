package org.cartable.deployment.internal;

import java.time.LocalDate;
import java.util.Map;

import org.cartable.api.Caller;
import org.cartable.api.demo.DemoContent;
import org.cartable.api.demo.DemoDirectory;
import org.cartable.api.territory.CollectivityInfo;
import org.cartable.api.territory.Territory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Demo content: the territory's reference figures and six months of weekly coverage, the ENT growing from a first
 * school to today's, so the charts have a history to show.
 */
@Component(service = DemoContent.class)
public final class DeploymentDemo implements DemoContent {

    /** Reference totals of the demo collectivities: all their schools and pupils, on the ENT or not. */
    private static final Map<String, int[]> TOTALS = Map.of(
            "Montreuil-sur-Loire", new int[] {3, 40},
            "Saint-Pierre-des-Bois", new int[] {1, 12},
            "Communauté de communes du Val", new int[] {4, 260});

    private final DeploymentService deployment;
    private final Territory territory;

    @Activate
    public DeploymentDemo(@Reference DeploymentService deployment, @Reference Territory territory) {
        this.deployment = deployment;
        this.territory = territory;
    }

    @Override
    public String appId() {
        return DeploymentApp.ID;
    }

    @Override
    public void seed(DemoDirectory directory) {
        Caller operator = directory.caller("operator");
        LocalDate today = LocalDate.now(directory.clock());
        for (CollectivityInfo collectivity : territory.collectivities()) {
            int[] totals = TOTALS.get(collectivity.name());
            if (totals == null) {
                continue;
            }
            deployment.setTotals(operator, collectivity.id(), totals[0], totals[1]);
            Coverage now = deployment.coverage(operator);
            CoverageRow row = now.collectivities().stream()
                    .filter(r -> r.collectivityId().equals(collectivity.id())).findFirst().orElseThrow();
            for (int week = 26; week >= 1; week--) {
                // the ENT reached each collectivity's schools progressively: a share growing towards today's
                double share = Math.min(1.0, (27 - week) / 20.0);
                deployment.recordPastSnapshot(today.minusWeeks(week), collectivity.id(),
                        (int) Math.round(row.schoolsOnEnt() * share), (int) Math.round(row.pupilsOnEnt() * share),
                        totals[0], totals[1]);
            }
        }
        deployment.recordSnapshot();
    }
}
