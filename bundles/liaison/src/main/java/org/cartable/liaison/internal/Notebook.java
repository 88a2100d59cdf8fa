package org.cartable.liaison.internal;

import java.io.Serializable;
import java.util.List;

import org.cartable.api.PersonSummary;

/**
 * The class's notebook as one caller sees it.
 *
 * @param view     whose view: the staff's (every word, counters), a parent's for one child, or a pupil's
 * @param child    the child a parent acts for (null for staff and pupils)
 * @param unread   for a parent: words not yet confirmed for the child; 0 otherwise
 * @param words    staff and pupils: newest first; a parent: unread first, then newest first
 * @param older    how many older words the caller may see that the list leaves out (asked for by a larger page)
 * @param pupils   for the staff: the class's pupils, to address a word to some of them
 */
public record Notebook(String classId, View view, PersonSummary child, int unread, List<Word> words, int older,
                       List<PersonSummary> pupils) implements Serializable {

    public Notebook {
        words = List.copyOf(words);
        pupils = List.copyOf(pupils);
    }

    /** The three ways of seeing the notebook. */
    public enum View {
        STAFF, PARENT, PUPIL
    }
}
