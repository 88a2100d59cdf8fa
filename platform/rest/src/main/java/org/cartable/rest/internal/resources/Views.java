package org.cartable.rest.internal.resources;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.cartable.api.Caller;
import org.cartable.api.ChildInfo;
import org.cartable.api.ClassInfo;
import org.cartable.api.Directory;
import org.cartable.api.Grade;
import org.cartable.api.Role;
import org.cartable.core.service.InstalledApp;

/** The JSON shapes of docs/rest-api.md, built from service records. */
final class Views {

    private Views() {
    }

    record ClassView(String id, String name, String schoolId, String schoolName, String schoolYear,
                     List<Grade> grades) {

        static ClassView of(ClassInfo info) {
            return info == null ? null : new ClassView(info.id(), info.name(), info.schoolId(), info.schoolName(),
                    info.schoolYear(), info.grades());
        }
    }

    record ChildView(String id, String displayName, @JsonProperty("class") ClassView currentClass) {

        static ChildView of(ChildInfo info) {
            return new ChildView(info.child().id(), info.child().displayName(), ClassView.of(info.currentClass()));
        }
    }

    record MeView(String id, String login, String displayName, List<Role> roles, List<ClassView> classes,
                  List<ChildView> children) {

        static MeView of(Caller caller, Directory directory) {
            List<ChildView> children = caller.has(Role.PARENT)
                    ? directory.childrenOf(caller.userId()).stream().map(ChildView::of).toList()
                    : List.of();
            return new MeView(caller.userId(), caller.login(), caller.displayName(),
                    caller.roles().stream().sorted().toList(),
                    directory.classesOf(caller).stream().map(ClassView::of).toList(),
                    children);
        }
    }

    /** {@code problem} is null unless the app is not ACTIVE; the catalogue's status is read by operators. */
    record AppView(String id, String name, String description, String icon, String version, String scope,
                   List<Role> roles, String status, String problem) {

        static AppView of(InstalledApp installed, Locale locale) {
            return new AppView(installed.id(), installed.app().name(locale), installed.app().description(locale),
                    installed.app().icon(), installed.version(), installed.app().scope().name(),
                    installed.app().roles().stream().sorted().toList(), installed.status().name(),
                    installed.problem());
        }
    }

    /** @param newPassword with a first-login code as password: the password to choose instead (else absent) */
    record SessionRequest(String login, String password, String newPassword) {
    }

    record SessionView(String token, Instant expiresAt, MeView user) {
    }

    record FeatureView(String name, String version, boolean installed) {
    }

    record HealthView(String status) {
    }
}
