package org.cartable.rest.internal.resources;

import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.cartable.api.Caller;
import org.cartable.api.CartableException;
import org.cartable.api.Role;
import org.cartable.api.audit.AuditEvent;
import org.cartable.api.audit.AuditLog;
import org.cartable.api.audit.AuditTypes;
import org.cartable.api.rest.RestApi;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installing and removing apps live, through Karaf's features service. Only app features are reachable: the platform
 * itself and everything else Karaf knows stay out of reach of this endpoint, whoever calls it.
 */
@Component(service = FeaturesResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@Path("admin/features")
@Produces(MediaType.APPLICATION_JSON)
public final class FeaturesResource {

    private static final Logger LOG = LoggerFactory.getLogger(FeaturesResource.class);

    /** Karaf reads feature names as patterns: the name allows no pattern characters besides the dash. */
    private static final Pattern APP_FEATURE = Pattern.compile("cartable-[a-z0-9][a-z0-9-]{0,62}");
    private static final Set<String> PLATFORM_FEATURES = Set.of("cartable-platform", "cartable-all");

    /** Refreshing would restart the platform bundles wired to the app's packages, REST included, mid-request. */
    private static final EnumSet<FeaturesService.Option> OPTIONS =
            EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles);

    private final FeaturesService features;
    private final AuditLog audit;

    @Activate
    public FeaturesResource(@Reference FeaturesService features, @Reference AuditLog audit) {
        this.features = features;
        this.audit = audit;
    }

    @GET
    public List<Views.FeatureView> list(@Context SecurityContext security) throws Exception {
        requireAdmin(RestApi.caller(security));
        return Arrays.stream(features.listFeatures())
                .filter(feature -> isAppFeature(feature.getName()))
                .sorted(Comparator.comparing(Feature::getName).thenComparing(Feature::getVersion))
                .map(feature -> new Views.FeatureView(feature.getName(), feature.getVersion(),
                        features.isInstalled(feature)))
                .toList();
    }

    @PUT
    @Path("{name}")
    public void install(@PathParam("name") String name, @Context SecurityContext security) throws Exception {
        Caller caller = RestApi.caller(security);
        requireAdmin(caller);
        Feature feature = appFeature(name);
        LOG.info("{} installs feature {}/{}", caller.login(), feature.getName(), feature.getVersion());
        features.installFeature(feature.getName(), OPTIONS);
        audit.record(AuditEvent.by(caller, AuditTypes.APP_INSTALL).on(feature.getName())
                .detail(feature.getVersion()));
    }

    @DELETE
    @Path("{name}")
    public void uninstall(@PathParam("name") String name, @Context SecurityContext security) throws Exception {
        Caller caller = RestApi.caller(security);
        requireAdmin(caller);
        Feature feature = appFeature(name);
        // Removing what is not there is a no-op, like disabling an app twice.
        if (!features.isInstalled(feature)) {
            return;
        }
        LOG.info("{} uninstalls feature {}/{}", caller.login(), feature.getName(), feature.getVersion());
        features.uninstallFeature(feature.getName(), feature.getVersion(), OPTIONS);
        audit.record(AuditEvent.by(caller, AuditTypes.APP_UNINSTALL).on(feature.getName())
                .detail(feature.getVersion()));
    }

    static boolean isAppFeature(String name) {
        return name != null && APP_FEATURE.matcher(name).matches() && !PLATFORM_FEATURES.contains(name);
    }

    private static void requireAdmin(Caller caller) {
        if (!caller.has(Role.OPERATOR) && !caller.has(Role.PLATFORM_ADMIN)) {
            throw CartableException.forbidden("Only operators and platform administrators manage app features.");
        }
    }

    /** @return the installed version if any (what uninstall must name), else the newest one Karaf knows */
    private Feature appFeature(String name) throws Exception {
        if (isAppFeature(name)) {
            Feature[] candidates = features.getFeatures(name);
            if (candidates != null) {
                for (Feature candidate : candidates) {
                    if (features.isInstalled(candidate)) {
                        return candidate;
                    }
                }
            }
            Feature newest = features.getFeature(name);
            if (newest != null) {
                return newest;
            }
        }
        throw CartableException.notFound("No app feature named '" + name + "'.");
    }
}
