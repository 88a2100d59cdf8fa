package org.cartable.core.internal.model;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/**
 * One notice in one person's feed. The text is stored in every language at publication, so it stays readable after
 * its app is uninstalled.
 */
@Entity
@Table(name = "CORE_FEED_ITEM")
public class FeedItem {

    public static final int TEXT_MAX = 1000;

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "RECIPIENT_ID", nullable = false, length = 36)
    private String recipientId;

    @Column(name = "CHILD_ID", length = 36)
    private String childId;

    @Column(name = "APP_ID", nullable = false)
    private String appId;

    @Column(name = "NOTICE_TYPE", nullable = false)
    private String type;

    @Column(name = "CLASS_ID", length = 36)
    private String classId;

    @Column(name = "TEXT_FR", nullable = false)
    private String textFr;

    @Column(name = "TEXT_EN")
    private String textEn;

    @Column(name = "LINK")
    private String link;

    @Column(name = "CREATED_AT", nullable = false)
    private Instant createdAt;

    @Column(name = "READ_AT")
    private Instant readAt;

    protected FeedItem() {
    }

    public FeedItem(String recipientId, String childId, String appId, String type, String classId, String textFr,
                    String textEn, String link, Instant createdAt) {
        this.id = Ids.newId();
        this.recipientId = recipientId;
        this.childId = childId;
        this.appId = appId;
        this.type = type;
        this.classId = classId;
        this.textFr = clip(textFr);
        this.textEn = clip(textEn);
        this.link = link == null || link.length() > TEXT_MAX ? null : link;
        this.createdAt = createdAt;
    }

    private static String clip(String text) {
        return text == null || text.length() <= TEXT_MAX ? text : text.substring(0, TEXT_MAX - 1) + "…";
    }

    public String getId() {
        return id;
    }

    public String getRecipientId() {
        return recipientId;
    }

    public String getChildId() {
        return childId;
    }

    public String getAppId() {
        return appId;
    }

    public String getType() {
        return type;
    }

    public String getClassId() {
        return classId;
    }

    /** @return the text in that language ("fr", "en"), French when there is none */
    public String text(String language) {
        return "en".equals(language) && textEn != null ? textEn : textFr;
    }

    public String getLink() {
        return link;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getReadAt() {
        return readAt;
    }

    public void markRead(Instant at) {
        if (readAt == null) {
            readAt = at;
        }
    }
}
