package org.cartable.notebook.internal.rest;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.cartable.notebook.internal.Box;
import org.cartable.notebook.internal.MediaInfo;
import org.cartable.notebook.internal.Notebook;
import org.cartable.notebook.internal.NotebookDetail;
import org.cartable.notebook.internal.NotebookOverview;
import org.cartable.notebook.internal.Page;
import org.cartable.notebook.internal.PageLock;

/**
 * The JSON bodies of the notebook's REST API, exactly as docs/rest-api.md lists their fields; dates are ISO-8601
 * strings whatever the JSON provider's date settings.
 */
public final class NotebookJson {

    private NotebookJson() {
    }

    /** {@code GET /}. */
    public record Overview(String classId, boolean mayCreate, List<NotebookBody> mine, List<NotebookBody> others) {
        static Overview of(NotebookOverview overview) {
            return new Overview(overview.classId(), overview.mayCreate(),
                    overview.mine().stream().map(NotebookBody::of).toList(),
                    overview.others().stream().map(NotebookBody::of).toList());
        }
    }

    /** {@code <notebook>}. */
    public record NotebookBody(String id, String title, String coverColor, String coverMediaId, String ownerId,
                               String ownerName, String sharing, int pageCount, String createdAt, String updatedAt,
                               boolean mayEdit, boolean mayManage) {
        static NotebookBody of(Notebook n) {
            return new NotebookBody(n.id(), n.title(), n.coverColor(), n.coverMediaId(), n.ownerId(), n.ownerName(),
                    n.sharing().name(), n.pageCount(), date(n.createdAt()), date(n.updatedAt()), n.mayEdit(),
                    n.mayManage());
        }
    }

    /** {@code GET /notebooks/{notebookId}}: {@code <notebook>} with its pages and files. */
    public record NotebookWithPages(String id, String title, String coverColor, String coverMediaId, String ownerId,
                                    String ownerName, String sharing, int pageCount, String createdAt,
                                    String updatedAt, boolean mayEdit, boolean mayManage, List<PageBody> pages,
                                    List<MediaBody> media) {
        static NotebookWithPages of(NotebookDetail detail) {
            Notebook n = detail.notebook();
            return new NotebookWithPages(n.id(), n.title(), n.coverColor(), n.coverMediaId(), n.ownerId(),
                    n.ownerName(), n.sharing().name(), n.pageCount(), date(n.createdAt()), date(n.updatedAt()),
                    n.mayEdit(), n.mayManage(), detail.pages().stream().map(PageBody::of).toList(),
                    detail.media().stream().map(MediaBody::of).toList());
        }
    }

    /** {@code <page>}. */
    public record PageBody(String id, int position, String title, String updatedAt, LockBody lock,
                           List<BoxBody> boxes) {
        static PageBody of(Page page) {
            return new PageBody(page.id(), page.position(), page.title(), date(page.updatedAt()),
                    page.lock() == null ? null : LockBody.of(page.lock()),
                    page.boxes().stream().map(BoxBody::of).toList());
        }
    }

    /** {@code <lock>}. */
    public record LockBody(String holderId, String holderName, String expiresAt, boolean mine) {
        static LockBody of(PageLock lock) {
            return new LockBody(lock.holderId(), lock.holderName(), date(lock.expiresAt()), lock.mine());
        }
    }

    /** {@code <box>}. */
    public record BoxBody(String id, String kind, double x, double y, double width, double height, int z,
                          String content, String mediaId, String embedProvider, String embedVideoId,
                          String embedPlayerUrl) {
        static BoxBody of(Box box) {
            return new BoxBody(box.id(), box.kind().name(), box.geometry().x(), box.geometry().y(),
                    box.geometry().width(), box.geometry().height(), box.geometry().z(), box.content(),
                    box.media() == null ? null : box.media().id(),
                    box.embed() == null ? null : box.embed().provider().name(),
                    box.embed() == null ? null : box.embed().videoId(),
                    box.embed() == null ? null : box.embed().playerUrl());
        }
    }

    /** {@code <media>}. */
    public record MediaBody(String id, String contentType, String kind, long size, String name, String createdAt) {
        static MediaBody of(MediaInfo media) {
            return new MediaBody(media.id(), media.contentType(), media.kind().name(), media.size(), media.name(),
                    date(media.createdAt()));
        }
    }

    /** {@code POST /notebooks}, {@code PUT /notebooks/{notebookId}}. */
    public record NotebookEdit(String title, String coverColor, String coverMediaId) {
    }

    /** {@code PUT /notebooks/{notebookId}/sharing}. */
    public record SharingBody(String sharing) {
    }

    /** {@code POST .../pages}, {@code PUT .../pages/{pageId}}. */
    public record PageEdit(String title) {
    }

    /** {@code PUT .../pages/order}. */
    public record PageOrder(List<String> pageIds) {
    }

    /** {@code POST .../boxes}, {@code PUT .../boxes/{boxId}}; z is optional (on top). */
    public record BoxEdit(String kind, Double x, Double y, Double width, Double height, Integer z, String content,
                          String mediaId, String embedUrl) {
    }

    static String date(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
