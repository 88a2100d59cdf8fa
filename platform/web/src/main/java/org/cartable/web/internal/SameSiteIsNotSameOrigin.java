package org.cartable.web.internal;

import java.util.Set;

import javax.servlet.http.HttpServletRequest;

import org.apache.wicket.protocol.http.IResourceIsolationPolicy;
import org.apache.wicket.request.component.IRequestablePage;

/**
 * Refuses state-changing requests that a browser marks {@code Sec-Fetch-Site: same-site}: they come from another
 * origin of the same site (a sibling sub-domain of a shared school domain, say), which Wicket's Fetch-Metadata policy
 * would let through. Every other request is left to the next policies.
 */
final class SameSiteIsNotSameOrigin implements IResourceIsolationPolicy {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    @Override
    public ResourceIsolationOutcome isRequestAllowed(HttpServletRequest request, IRequestablePage targetPage) {
        if ("same-site".equalsIgnoreCase(request.getHeader("sec-fetch-site"))
                && !SAFE_METHODS.contains(request.getMethod())) {
            return ResourceIsolationOutcome.DISALLOWED;
        }
        return ResourceIsolationOutcome.UNKNOWN;
    }
}
