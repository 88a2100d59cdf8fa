package org.cartable.api.territory;

import java.io.Serializable;

/**
 * A local authority that runs primary schools.
 *
 * @param id     stable id
 * @param name   e.g. "Montreuil-sur-Loire"
 * @param kind   COMMUNE, EPCI or SYNDICAT (school syndicate)
 * @param member whether it is a member of the purchasing body
 * @param siret  its SIRET number (14 digits), or null if unknown
 */
public record CollectivityInfo(String id, String name, String kind, boolean member, String siret)
        implements Serializable {
}
