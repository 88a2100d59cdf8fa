package org.cartable.wiki.internal.data;

import java.time.Instant;
import java.util.Locale;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/**
 * A page of a class's wiki, holding its latest version's title and content. The class and people are platform ids;
 * the parent is a plain id (the tree is walked in the service, a page at a time).
 */
@Entity
@Table(name = "WIKI_PAGE")
public class PageEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "CLASS_ID", length = 64, nullable = false, updatable = false)
    private String classId;

    @Column(name = "PARENT_ID", length = 36)
    private String parentId;

    @Column(name = "SORT_ORDER", nullable = false)
    private int position;

    @Column(name = "TITLE", length = 200, nullable = false)
    private String title;

    @Column(name = "TITLE_KEY", length = 200, nullable = false)
    private String titleKey;

    /* Read and written as a plain string rather than @Lob, as the blog does (Hibernate 5 @Lob is a large object on PostgreSQL). */
    @Column(name = "CONTENT", columnDefinition = "CLOB", nullable = false)
    private String content;

    @Column(name = "HOME", nullable = false, updatable = false)
    private boolean home;

    @Column(name = "VERSION_NUMBER", nullable = false)
    private int versionNumber;

    @Column(name = "CREATED_AT", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "UPDATED_AT", nullable = false)
    private Instant updatedAt;

    @Column(name = "UPDATED_BY", length = 64)
    private String updatedBy;

    @Version
    @Column(name = "LOCK_VERSION", nullable = false)
    private long lockVersion;

    protected PageEntity() {
        // for JPA
    }

    public PageEntity(String id, String classId, String parentId, int position, String title, boolean home,
                      Instant now) {
        this.id = id;
        this.classId = classId;
        this.parentId = parentId;
        this.position = position;
        this.home = home;
        this.content = "";
        this.createdAt = now;
        this.updatedAt = now;
        rename(title);
    }

    /** @return the key under which titles are unique in a class, and links find their page */
    public static String titleKey(String title) {
        return title.strip().toLowerCase(Locale.ROOT);
    }

    public String id() {
        return id;
    }

    public String classId() {
        return classId;
    }

    public String parentId() {
        return parentId;
    }

    public int position() {
        return position;
    }

    public String title() {
        return title;
    }

    public String content() {
        return content;
    }

    public boolean home() {
        return home;
    }

    public int versionNumber() {
        return versionNumber;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public String updatedBy() {
        return updatedBy;
    }

    /** Takes a new version's title and content as the page's current ones. */
    public void apply(VersionEntity version) {
        rename(version.title());
        this.content = version.content();
        this.versionNumber = version.number();
        this.updatedAt = version.createdAt();
        this.updatedBy = version.authorId();
    }

    public void moveTo(String newParentId, int newPosition) {
        this.parentId = newParentId;
        this.position = newPosition;
    }

    public void position(int newPosition) {
        this.position = newPosition;
    }

    private void rename(String newTitle) {
        this.title = newTitle;
        this.titleKey = titleKey(newTitle);
    }
}
