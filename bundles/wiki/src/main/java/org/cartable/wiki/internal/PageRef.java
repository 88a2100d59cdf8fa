package org.cartable.wiki.internal;

import java.io.Serializable;

/** A page named elsewhere (ancestors, children). */
public record PageRef(String id, String title) implements Serializable {
}
