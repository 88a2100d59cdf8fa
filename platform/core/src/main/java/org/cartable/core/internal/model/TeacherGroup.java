package org.cartable.core.internal.model;

import java.util.HashSet;
import java.util.Set;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.FetchType;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.JoinTable;
import javax.persistence.ManyToMany;
import javax.persistence.Table;

/** Teachers working together across schools (a district team, a project group). */
@Entity
@Table(name = "CORE_TEACHER_GROUP")
public class TeacherGroup {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "NAME", nullable = false)
    private String name;

    @ManyToMany(fetch = FetchType.LAZY)
    @JoinTable(name = "CORE_TEACHER_GROUP_MEMBER",
            joinColumns = @JoinColumn(name = "GROUP_ID"),
            inverseJoinColumns = @JoinColumn(name = "TEACHER_ID"))
    private Set<Person> members = new HashSet<>();

    protected TeacherGroup() {
    }

    public TeacherGroup(String name) {
        this.id = Ids.newId();
        this.name = name;
    }

    public String getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public Set<Person> getMembers() {
        return members;
    }
}
