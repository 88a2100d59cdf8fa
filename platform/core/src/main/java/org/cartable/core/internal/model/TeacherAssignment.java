package org.cartable.core.internal.model;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EntityListeners;
import javax.persistence.FetchType;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.ManyToOne;
import javax.persistence.Table;

/** A teacher teaches a class; a class may have several teachers and a teacher several classes. */
@Entity
@EntityListeners(DirectoryChangeListener.class)
@Table(name = "CORE_TEACHER_ASSIGNMENT")
public class TeacherAssignment {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "TEACHER_ID", nullable = false)
    private Person teacher;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "CLASS_ID", nullable = false)
    private SchoolClass schoolClass;

    protected TeacherAssignment() {
    }

    public TeacherAssignment(Person teacher, SchoolClass schoolClass) {
        this.id = Ids.newId();
        this.teacher = teacher;
        this.schoolClass = schoolClass;
    }

    public String getId() {
        return id;
    }

    public Person getTeacher() {
        return teacher;
    }

    public SchoolClass getSchoolClass() {
        return schoolClass;
    }
}
