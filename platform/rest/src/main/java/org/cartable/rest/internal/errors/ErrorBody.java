package org.cartable.rest.internal.errors;

/**
 * The body of every error answer: a stable code for programs and an English sentence for people.
 *
 * @param error   code such as {@code not_found}
 * @param message human readable explanation; never internal details
 */
public record ErrorBody(String error, String message) {
}
