package org.cartable.core.internal.model;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.FetchType;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.ManyToOne;
import javax.persistence.Table;

@Entity
@Table(name = "CORE_COLLECTIVITY_ADMIN")
public class CollectivityAdmin {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "PERSON_ID", nullable = false)
    private Person person;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "COLLECTIVITY_ID", nullable = false)
    private Collectivity collectivity;

    protected CollectivityAdmin() {
    }

    public CollectivityAdmin(Person person, Collectivity collectivity) {
        this.id = Ids.newId();
        this.person = person;
        this.collectivity = collectivity;
    }

    public String getId() {
        return id;
    }

    public Person getPerson() {
        return person;
    }

    public Collectivity getCollectivity() {
        return collectivity;
    }
}
