package org.cartable.api.territory;

import java.io.Serializable;

/**
 * A school on the ENT.
 *
 * @param id             stable id
 * @param uai            national identifier (e.g. "0451234A")
 * @param name           e.g. "École Jules Ferry"
 * @param collectivityId the collectivity that runs it
 * @param primary        true for an école, false for a collège
 */
public record SchoolInfo(String id, String uai, String name, String collectivityId, boolean primary)
        implements Serializable {
}
