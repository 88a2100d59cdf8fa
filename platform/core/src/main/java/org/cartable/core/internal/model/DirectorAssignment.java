package org.cartable.core.internal.model;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EntityListeners;
import javax.persistence.FetchType;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.ManyToOne;
import javax.persistence.Table;

@Entity
@EntityListeners(DirectoryChangeListener.class)
@Table(name = "CORE_DIRECTOR_ASSIGNMENT")
public class DirectorAssignment {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "DIRECTOR_ID", nullable = false)
    private Person director;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "SCHOOL_ID", nullable = false)
    private School school;

    protected DirectorAssignment() {
    }

    public DirectorAssignment(Person director, School school) {
        this.id = Ids.newId();
        this.director = director;
        this.school = school;
    }

    public String getId() {
        return id;
    }

    public Person getDirector() {
        return director;
    }

    public School getSchool() {
        return school;
    }
}
