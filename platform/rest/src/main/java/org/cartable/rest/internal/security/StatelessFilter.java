package org.cartable.rest.internal.security;

import javax.servlet.Filter;
import javax.servlet.FilterConfig;

/** A servlet filter that keeps nothing between requests: nothing to set up or release (Servlet 3.1 has no defaults). */
public abstract class StatelessFilter implements Filter {

    @Override
    public final void init(FilterConfig config) {
        // nothing kept
    }

    @Override
    public final void destroy() {
        // nothing kept
    }
}
