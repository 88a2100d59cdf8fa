package org.cartable.fleet.internal.data;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** The last asset tag number given in a school (by UAI); read under a write lock so two imports never clash. */
@Entity
@Table(name = "FLEET_TAG_COUNTER")
public class TagCounterEntity {

    @Id
    @Column(name = "UAI", length = 16)
    private String uai;

    @Column(name = "LAST_NUMBER", nullable = false)
    private long last;

    protected TagCounterEntity() {
        // for JPA
    }

    public TagCounterEntity(String uai) {
        this.uai = uai;
    }

    /** @return the next number, now taken */
    public long take() {
        return ++last;
    }
}
