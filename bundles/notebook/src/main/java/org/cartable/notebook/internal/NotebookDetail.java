package org.cartable.notebook.internal;

import java.io.Serializable;
import java.util.List;

/** A notebook with its pages in order and the files uploaded into it. */
public record NotebookDetail(Notebook notebook, List<Page> pages, List<MediaInfo> media) implements Serializable {

    public NotebookDetail {
        pages = List.copyOf(pages);
        media = List.copyOf(media);
    }
}
