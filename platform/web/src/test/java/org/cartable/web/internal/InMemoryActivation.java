package org.cartable.web.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.cartable.api.AppActivation;
import org.cartable.api.AppScope;
import org.cartable.api.Caller;
import org.cartable.api.CartableException;
import org.cartable.api.ClassRelation;
import org.cartable.core.service.ActivationAdmin;
import org.cartable.core.service.AppCatalog;
import org.cartable.core.service.InstalledApp;

/** Activation per class in a map, enforcing the documented rights so the page's refusals can be tested. */
final class InMemoryActivation implements ActivationAdmin, AppActivation {

    /** Calls by method name, so that tests can bound what a page asks of the platform. */
    final CallCounts calls = new CallCounts();


    private final InMemoryDirectory directory;
    private final AppCatalog catalog;
    private final Map<String, Set<String>> enabled = new HashMap<>();

    InMemoryActivation(InMemoryDirectory directory, AppCatalog catalog) {
        this.directory = directory;
        this.catalog = catalog;
    }

    @Override
    public void enable(Caller caller, String classId, String appId) {
        checkManage(caller, classId, appId);
        enabled.computeIfAbsent(classId, k -> new HashSet<>()).add(appId);
    }

    @Override
    public void disable(Caller caller, String classId, String appId) {
        checkManage(caller, classId, appId);
        enabled.getOrDefault(classId, new HashSet<>()).remove(appId);
    }

    private void checkManage(Caller caller, String classId, String appId) {
        ClassRelation relation = directory.relationQuietly(caller, classId);
        if (!relation.isMember()) {
            throw CartableException.notFound("Class not found.");
        }
        InstalledApp app = catalog.find(appId).orElseThrow(() -> CartableException.notFound("App not found."));
        if (!relation.isStaff()) {
            throw CartableException.forbidden("Only staff may change apps.");
        }
        if (app.app().scope() != AppScope.CLASS) {
            throw CartableException.badRequest("Not a class app.");
        }
    }

    @Override
    public List<InstalledApp> enabledApps(Caller caller, String classId) {
        calls.add("enabledApps");
        if (!directory.relationQuietly(caller, classId).isMember()) {
            throw CartableException.notFound("Class not found.");
        }
        Set<String> ids = enabledApps(classId);
        return catalog.installed().stream().filter(app -> ids.contains(app.id())).toList();
    }

    @Override
    public boolean isEnabled(String classId, String appId) {
        return enabledApps(classId).contains(appId);
    }

    @Override
    public Set<String> enabledApps(String classId) {
        return Set.copyOf(enabled.getOrDefault(classId, Set.of()));
    }

    @Override
    public Map<String, Integer> classesPerEnabledApp() {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        enabled.values().forEach(apps -> apps.forEach(app -> counts.merge(app, 1, Integer::sum)));
        return counts;
    }
}
