package org.cartable.core.internal.model;

import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EntityListeners;
import javax.persistence.FetchType;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.ManyToOne;
import javax.persistence.Table;

/**
 * A pupil's place in a class. Enrolments are history: moving up a year or to a collège ends one and adds another
 * for the same account.
 */
@Entity
@EntityListeners(DirectoryChangeListener.class)
@Table(name = "CORE_ENROLMENT")
public class Enrolment {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "PUPIL_ID", nullable = false)
    private Person pupil;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "CLASS_ID", nullable = false)
    private SchoolClass schoolClass;

    @Column(name = "SCHOOL_YEAR", nullable = false, length = 9)
    private String schoolYear;

    @Column(name = "START_DATE", nullable = false)
    private LocalDate start;

    /** Null while the pupil is still in the class. */
    @Column(name = "END_DATE")
    private LocalDate end;

    protected Enrolment() {
    }

    public Enrolment(Person pupil, SchoolClass schoolClass, LocalDate start) {
        this.id = Ids.newId();
        this.pupil = pupil;
        this.schoolClass = schoolClass;
        this.schoolYear = schoolClass.getSchoolYear();
        this.start = start;
    }

    public String getId() {
        return id;
    }

    public Person getPupil() {
        return pupil;
    }

    public SchoolClass getSchoolClass() {
        return schoolClass;
    }

    public String getSchoolYear() {
        return schoolYear;
    }

    public LocalDate getStart() {
        return start;
    }

    public LocalDate getEnd() {
        return end;
    }

    public void end(LocalDate date) {
        this.end = date;
    }
}
