package org.cartable.wiki.internal;

import java.io.Serializable;

/** One version with its content (sanitised HTML as saved) and that content rendered with links. */
public record VersionDetail(VersionInfo info, String content, String html) implements Serializable {
}
