package org.cartable.fleet.internal.data;

import javax.persistence.Basic;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.FetchType;
import javax.persistence.Id;
import javax.persistence.Lob;
import javax.persistence.Table;

/** The photo of a ticket, in its own table so that ticket lists never load images. */
@Entity
@Table(name = "FLEET_TICKET_PHOTO")
public class TicketPhotoEntity {

    @Id @Column(name = "TICKET_ID", length = 36) private String ticketId;
    @Column(name = "CONTENT_TYPE", length = 20, nullable = false) private String contentType;
    @Lob @Basic(fetch = FetchType.LAZY) @Column(name = "DATA", nullable = false) private byte[] data;

    protected TicketPhotoEntity() {
        // for JPA
    }

    public TicketPhotoEntity(String ticketId, String contentType, byte[] data) {
        this.ticketId = ticketId;
        this.contentType = contentType;
        this.data = data.clone();
    }

    public String contentType() { return contentType; }
    public byte[] data() { return data.clone(); }
}
