package org.cartable.core.service;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Who the client is and whether it came over TLS, taking a reverse proxy into account only when configured: the
 * {@code X-Forwarded-For} and {@code X-Forwarded-Proto} headers are trusted only from the proxies listed in the
 * configuration, since any client can send them.
 */
@ProviderType
public interface ClientNetwork {

    /**
     * @param remoteAddress the TCP peer
     * @param forwardedFor  the {@code X-Forwarded-For} header, or null
     * @return the peer, or when the peer is a trusted proxy the right-most address of the header that is not one
     */
    String clientAddress(String remoteAddress, String forwardedFor);

    /**
     * @param requestSecure  whether the connection itself is TLS
     * @param remoteAddress  the TCP peer
     * @param forwardedProto the {@code X-Forwarded-Proto} header, or null
     * @return whether the client's connection is TLS (directly, or to a trusted proxy that says so)
     */
    boolean isSecure(boolean requestSecure, String remoteAddress, String forwardedProto);
}
