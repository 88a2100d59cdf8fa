package org.cartable.web.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.cartable.core.service.AppCatalog;
import org.cartable.core.service.InstalledApp;

/** Installed apps in a list, sorted by id like the real catalogue. */
final class InMemoryCatalog implements AppCatalog {

    private final List<InstalledApp> apps = new ArrayList<>();
    /** Calls by method name (only {@code withStatus}, the costly one in core). */
    final CallCounts calls = new CallCounts();

    @Override
    public List<InstalledApp> withStatus() {
        calls.add("withStatus");
        return installed();
    }

    void install(InstalledApp app) {
        apps.removeIf(existing -> existing.id().equals(app.id()));
        apps.add(app);
        apps.sort(Comparator.comparing(InstalledApp::id));
    }

    @Override
    public List<InstalledApp> installed() {
        return List.copyOf(apps);
    }

    @Override
    public Optional<InstalledApp> find(String appId) {
        return apps.stream().filter(app -> app.id().equals(appId)).findFirst();
    }
}
