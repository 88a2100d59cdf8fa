package org.cartable.notebook.internal;

import java.io.Serializable;
import java.util.List;

/**
 * A class's notebooks as one caller sees them.
 *
 * @param mine     the caller's own notebooks, last changed first
 * @param others   other notebooks the caller may see (shared with the class; all of them for the staff; a parent's
 *                 child's), last changed first
 * @param mayCreate whether the caller may create notebooks (staff and pupils)
 */
public record NotebookOverview(String classId, List<Notebook> mine, List<Notebook> others, boolean mayCreate)
        implements Serializable {

    public NotebookOverview {
        mine = List.copyOf(mine);
        others = List.copyOf(others);
    }
}
