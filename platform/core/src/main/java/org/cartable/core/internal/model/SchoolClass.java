package org.cartable.core.internal.model;

import java.util.EnumSet;
import java.util.Set;

import javax.persistence.CollectionTable;
import javax.persistence.Column;
import javax.persistence.ElementCollection;
import javax.persistence.Entity;
import javax.persistence.EntityListeners;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.FetchType;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.ManyToOne;
import javax.persistence.Table;

import org.cartable.api.Grade;

/** A class of a school for one school year; next year's class is a new row. */
@Entity
@EntityListeners(DirectoryChangeListener.class)
@Table(name = "CORE_CLASS")
public class SchoolClass {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "SCHOOL_ID", nullable = false)
    private School school;

    @Column(name = "NAME", nullable = false)
    private String name;

    @Column(name = "SCHOOL_YEAR", nullable = false, length = 9)
    private String schoolYear;

    // Lazy, read in batches (hibernate.default_batch_fetch_size) when a view needs them, never joined: Derby plans
    // the outer join of a lookup by id as full scans of CORE_CLASS, CORE_CLASS_GRADE and CORE_SCHOOL (hash joins).
    // Read only inside the transaction that loaded the class (Views.classInfo).
    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "CORE_CLASS_GRADE", joinColumns = @JoinColumn(name = "CLASS_ID"))
    @Enumerated(EnumType.STRING)
    @Column(name = "GRADE", nullable = false)
    private Set<Grade> grades = EnumSet.noneOf(Grade.class);

    protected SchoolClass() {
    }

    public SchoolClass(School school, String name, String schoolYear, Set<Grade> grades) {
        this.id = Ids.newId();
        this.school = school;
        this.name = name;
        this.schoolYear = schoolYear;
        this.grades = grades.isEmpty() ? EnumSet.noneOf(Grade.class) : EnumSet.copyOf(grades);
    }

    public String getId() {
        return id;
    }

    public School getSchool() {
        return school;
    }

    public String getName() {
        return name;
    }

    public String getSchoolYear() {
        return schoolYear;
    }

    public Set<Grade> getGrades() {
        return grades;
    }
}
