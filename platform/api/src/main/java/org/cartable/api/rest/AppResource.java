package org.cartable.api.rest;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The REST resource of a school- or operator-scoped app ({@code AppScope.SCHOOL}/{@code OPERATOR}), served under
 * {@code /api/tools/<appId>} while this service is registered. Register it as a DS service of this type, like a
 * {@link ClassAppResource} (no class {@code @Path}).
 * <p>
 * When a method runs, the platform has checked that the caller is signed in, that the app is installed and that the
 * caller holds one of the app's roles; the app checks which schools and collectivities the caller may see
 * ({@code Territory#scopeOf}).
 */
@ConsumerType
public interface AppResource {

    /** @return the id of the app ({@code CartableApp#id()}), the path segment after {@code /api/tools/} */
    String appId();
}
