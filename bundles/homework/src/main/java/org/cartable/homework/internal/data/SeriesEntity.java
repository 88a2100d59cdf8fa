package org.cartable.homework.internal.data;

import java.time.Instant;
import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.Table;

import org.cartable.homework.internal.Frequency;

/** A recurring entry as the teacher asked for it; its occurrences are {@link EntryEntity} rows carrying its id. */
@Entity
@Table(name = "HOMEWORK_SERIES")
public class SeriesEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "CLASS_ID", length = 64, nullable = false, updatable = false)
    private String classId;

    @Enumerated(EnumType.STRING)
    @Column(name = "FREQUENCY", length = 16, nullable = false, updatable = false)
    private Frequency frequency;

    @Column(name = "FIRST_DATE", nullable = false, updatable = false)
    private LocalDate firstDate;

    @Column(name = "LAST_DATE", nullable = false, updatable = false)
    private LocalDate lastDate;

    @Column(name = "CREATED_AT", nullable = false, updatable = false)
    private Instant createdAt;

    protected SeriesEntity() {
        // for JPA
    }

    public SeriesEntity(String id, String classId, Frequency frequency, LocalDate firstDate, LocalDate lastDate,
                        Instant now) {
        this.id = id;
        this.classId = classId;
        this.frequency = frequency;
        this.firstDate = firstDate;
        this.lastDate = lastDate;
        this.createdAt = now;
    }

    public String id() {
        return id;
    }

    public String classId() {
        return classId;
    }

    public Frequency frequency() {
        return frequency;
    }

    public LocalDate firstDate() {
        return firstDate;
    }

    public LocalDate lastDate() {
        return lastDate;
    }
}
