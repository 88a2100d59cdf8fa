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

/** Links one parent account to a child, whatever school the child attends. */
@Entity
@EntityListeners(DirectoryChangeListener.class)
@Table(name = "CORE_PARENT_LINK")
public class ParentLink {

    /** How the adult relates to the child. */
    public enum Relationship {
        MOTHER,
        FATHER,
        GUARDIAN
    }

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "PARENT_ID", nullable = false)
    private Person parent;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "CHILD_ID", nullable = false)
    private Person child;

    @Enumerated(EnumType.STRING)
    @Column(name = "RELATIONSHIP", nullable = false)
    private Relationship relationship;

    protected ParentLink() {
    }

    public ParentLink(Person parent, Person child, Relationship relationship) {
        this.id = Ids.newId();
        this.parent = parent;
        this.child = child;
        this.relationship = relationship;
    }

    public String getId() {
        return id;
    }

    public Person getParent() {
        return parent;
    }

    public Person getChild() {
        return child;
    }

    public Relationship getRelationship() {
        return relationship;
    }
}
