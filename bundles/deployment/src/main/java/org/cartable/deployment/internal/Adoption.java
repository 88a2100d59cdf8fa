package org.cartable.deployment.internal;

import java.io.Serializable;
import java.util.Map;

import org.cartable.api.Role;

/**
 * How much the ENT is used.
 *
 * @param days           the window of "active" (signed in within that many days)
 * @param activeAccounts role → accounts holding it that signed in within the window
 * @param classes        current-year classes on the ENT
 * @param classesPerApp  app id → classes that have it enabled
 */
public record Adoption(int days, Map<Role, Integer> activeAccounts, int classes, Map<String, Integer> classesPerApp)
        implements Serializable {
}
