package org.cartable.testing;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

@Entity
@Table(name = "SAMPLE_NOTE")
public class SampleNote {
    @Id
    @Column(name = "ID")
    String id;
    @Column(name = "TEXT")
    String text;
}
