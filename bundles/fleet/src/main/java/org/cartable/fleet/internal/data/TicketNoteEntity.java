package org.cartable.fleet.internal.data;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.Table;

import org.cartable.fleet.internal.TicketStatus;

/** A line of a ticket's follow-up: a note, time spent, and the action that went with it if any. */
@Entity
@Table(name = "FLEET_TICKET_NOTE")
public class TicketNoteEntity {

    @Id @Column(name = "ID", length = 36) private String id;
    @Column(name = "TICKET_ID", length = 36, nullable = false, updatable = false) private String ticketId;
    @Column(name = "AUTHOR_ID", length = 64, nullable = false, updatable = false) private String authorId;
    @Column(name = "WRITTEN_AT", nullable = false, updatable = false) private Instant at;
    @Enumerated(EnumType.STRING) @Column(name = "ACTION", length = 16, updatable = false)
    private TicketStatus.Action action;
    @Column(name = "TEXT", length = 4000, updatable = false) private String text;
    @Column(name = "MINUTES", nullable = false, updatable = false) private int minutes;

    protected TicketNoteEntity() {
        // for JPA
    }

    public TicketNoteEntity(String id, String ticketId, String authorId, Instant at, TicketStatus.Action action,
                            String text, int minutes) {
        this.id = id;
        this.ticketId = ticketId;
        this.authorId = authorId;
        this.at = at;
        this.action = action;
        this.text = text;
        this.minutes = minutes;
    }

    public String id() { return id; }
    public String ticketId() { return ticketId; }
    public String authorId() { return authorId; }
    public Instant at() { return at; }
    public TicketStatus.Action action() { return action; }
    public String text() { return text; }
    public int minutes() { return minutes; }
}
