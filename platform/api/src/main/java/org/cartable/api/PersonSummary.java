package org.cartable.api;

import java.io.Serializable;

/**
 * What an app may know of a person: id and display name. Apps store person ids, never copies of accounts.
 *
 * @param id          the person's account id
 * @param displayName name to show
 */
public record PersonSummary(String id, String displayName) implements Serializable {
}
