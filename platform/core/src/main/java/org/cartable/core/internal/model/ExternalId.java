package org.cartable.core.internal.model;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** The id an external source (registry, OneRoster...) gives a person: re-imports find the same account. */
@Entity
@Table(name = "CORE_DIR_EXTERNAL_ID")
public class ExternalId {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "SOURCE", nullable = false, length = 30)
    private String source;

    @Column(name = "EXTERNAL_ID", nullable = false)
    private String externalId;

    @Column(name = "PERSON_ID", nullable = false, length = 36)
    private String personId;

    protected ExternalId() {
    }

    public ExternalId(String source, String externalId, String personId) {
        this.id = Ids.newId();
        this.source = source;
        this.externalId = externalId;
        this.personId = personId;
    }

    public String getSource() {
        return source;
    }

    public String getExternalId() {
        return externalId;
    }

    public String getPersonId() {
        return personId;
    }
}
