package org.cartable.core.internal.model;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EntityListeners;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.FetchType;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.ManyToOne;
import javax.persistence.Table;

@Entity
@EntityListeners(DirectoryChangeListener.class)
@Table(name = "CORE_SCHOOL")
public class School {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    /** The national school id (Unité administrative immatriculée), e.g. 0451234A. */
    @Column(name = "UAI", nullable = false, unique = true)
    private String uai;

    @Column(name = "NAME", nullable = false)
    private String name;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "COLLECTIVITY_ID", nullable = false)
    private Collectivity collectivity;

    @Enumerated(EnumType.STRING)
    @Column(name = "SCHOOL_LEVEL", nullable = false)
    private SchoolLevel level;

    protected School() {
    }

    public School(String uai, String name, Collectivity collectivity, SchoolLevel level) {
        this.id = Ids.newId();
        this.uai = uai;
        this.name = name;
        this.collectivity = collectivity;
        this.level = level;
    }

    public String getId() {
        return id;
    }

    public String getUai() {
        return uai;
    }

    public String getName() {
        return name;
    }

    public Collectivity getCollectivity() {
        return collectivity;
    }

    public SchoolLevel getLevel() {
        return level;
    }
}
