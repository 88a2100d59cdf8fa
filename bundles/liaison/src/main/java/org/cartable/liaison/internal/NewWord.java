package org.cartable.liaison.internal;

import java.util.Set;

/**
 * What a teacher writes.
 *
 * @param pupils the chosen pupils, or null for the whole class
 */
public record NewWord(String title, String body, Category category, Set<String> pupils, boolean ackRequired,
                      boolean repliesAllowed) {

    public NewWord {
        pupils = pupils == null ? null : Set.copyOf(pupils);
    }
}
