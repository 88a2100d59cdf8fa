package org.cartable.fleet.internal;

import java.io.Serializable;
import java.util.Set;

import org.cartable.api.Caller;
import org.cartable.api.Role;

/**
 * What a caller may see and do in the fleet, computed once per call.
 * <ul>
 * <li>Schools seen: everything for operators and platform admins, their collectivities' schools for collectivity
 * admins, their school for directors ({@code Territory#scopeOf}), and for teachers the schools of the classes they
 * teach (read only).</li>
 * <li>Managers (operators, platform admins) create, edit, import, export, change states and print labels.</li>
 * <li>Inventory checks: managers, collectivity admins and directors, on their schools.</li>
 * <li>Tickets: anyone who sees a device may open one on it; technicians (operators) handle them; whoever opened a
 * ticket, the school's director and technicians close or reopen it.</li>
 * </ul>
 */
public record Viewer(Caller caller, boolean everything, Set<String> schools) implements Serializable {

    public Viewer {
        schools = Set.copyOf(schools);
    }

    public String id() {
        return caller.userId();
    }

    public boolean sees(String schoolId) {
        return everything || schools.contains(schoolId);
    }

    public boolean seesNothing() {
        return !everything && schools.isEmpty();
    }

    public boolean manager() {
        return caller.has(Role.OPERATOR) || caller.has(Role.PLATFORM_ADMIN);
    }

    public boolean technician() {
        return caller.has(Role.OPERATOR);
    }

    public boolean inventories() {
        return manager() || caller.has(Role.COLLECTIVITY_ADMIN) || caller.has(Role.DIRECTOR);
    }

    public boolean director() {
        return caller.has(Role.DIRECTOR);
    }
}
