package org.cartable.core.internal.accounts;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.cartable.core.service.ClientNetwork;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** {@link ClientNetwork} with the proxies of {@code etc/org.cartable.core.network.cfg}; none by default. */
@Component(service = ClientNetwork.class, configurationPid = CoreClientNetwork.PID)
@Designate(ocd = CoreClientNetwork.Config.class)
public final class CoreClientNetwork implements ClientNetwork {

    public static final String PID = "org.cartable.core.network";

    @ObjectClassDefinition(name = "Cartable client network",
            description = "Reverse proxies whose X-Forwarded-For / X-Forwarded-Proto headers are believed.")
    public @interface Config {
        @AttributeDefinition(description = "Exact addresses of the reverse proxies in front of Cartable (e.g."
                + " 127.0.0.1 for an nginx on the same host). Empty: forwarded headers are ignored.")
        String[] trustedProxies() default {};
    }

    private volatile Set<String> trusted;

    @Activate
    public CoreClientNetwork(Config config) {
        modified(config);
    }

    private CoreClientNetwork(Set<String> trusted) {
        this.trusted = trusted;
    }

    /** Outside OSGi (tests, tools). */
    public static CoreClientNetwork create(String... trustedProxies) {
        return new CoreClientNetwork(clean(trustedProxies));
    }

    @Modified
    void modified(Config config) {
        trusted = clean(config.trustedProxies());
    }

    private static Set<String> clean(String[] addresses) {
        return addresses == null ? Set.of() : Arrays.stream(addresses)
                .flatMap(a -> Arrays.stream(a.split(",")))
                .map(String::trim).filter(a -> !a.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public String clientAddress(String remoteAddress, String forwardedFor) {
        if (forwardedFor == null || forwardedFor.isBlank() || !trusted.contains(remoteAddress)) {
            return remoteAddress;
        }
        // Each proxy appends the address it received from: walk back from the right past our own proxies. Entries
        // left of the first untrusted one were written by the client and prove nothing.
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].trim();
            if (hop.isEmpty() || hop.length() > 64) {
                return remoteAddress;
            }
            if (!trusted.contains(hop)) {
                return hop;
            }
        }
        return remoteAddress;
    }

    @Override
    public boolean isSecure(boolean requestSecure, String remoteAddress, String forwardedProto) {
        if (requestSecure) {
            return true;
        }
        return forwardedProto != null && trusted.contains(remoteAddress)
                && "https".equalsIgnoreCase(forwardedProto.split(",")[0].trim());
    }
}
