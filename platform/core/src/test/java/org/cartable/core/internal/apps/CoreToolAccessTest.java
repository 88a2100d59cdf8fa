package org.cartable.core.internal.apps;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Set;

import org.cartable.api.AppScope;
import org.cartable.api.Caller;
import org.cartable.api.CartableException;
import org.cartable.api.Role;
import org.junit.jupiter.api.Test;

class CoreToolAccessTest {

    private final CoreAppCatalog catalog = new CoreAppCatalog();
    private final CoreToolAccess access = new CoreToolAccess(catalog);

    CoreToolAccessTest() {
        catalog.add(new Object(), new TestApp("billing", AppScope.OPERATOR, Set.of(Role.OPERATOR, Role.COLLECTIVITY_ADMIN)), "1.0.0");
        catalog.add(new Object(), new TestApp("blog", AppScope.CLASS), "1.0.0");
    }

    private static Caller caller(Role... roles) {
        return new Caller("id", "login", "Name", Set.of(roles));
    }

    @Test
    void holdersOfOneOfTheToolsRolesMayUseIt() {
        assertDoesNotThrow(() -> access.check(caller(Role.OPERATOR), "billing"));
        assertDoesNotThrow(() -> access.check(caller(Role.TEACHER, Role.COLLECTIVITY_ADMIN), "billing"));
    }

    @Test
    void othersAreForbidden() {
        CartableException refused = assertThrows(CartableException.class,
                () -> access.check(caller(Role.DIRECTOR, Role.PARENT), "billing"));
        assertEquals(CartableException.Kind.FORBIDDEN, refused.kind());
    }

    @Test
    void classAppsAndMissingAppsAreNotFound() {
        assertEquals(CartableException.Kind.NOT_FOUND, assertThrows(CartableException.class,
                () -> access.check(caller(Role.TEACHER), "blog")).kind());
        assertEquals(CartableException.Kind.NOT_FOUND, assertThrows(CartableException.class,
                () -> access.check(caller(Role.OPERATOR), "fleet")).kind());
        assertEquals(CartableException.Kind.UNAUTHORIZED, assertThrows(CartableException.class,
                () -> access.check(null, "billing")).kind());
    }
}
