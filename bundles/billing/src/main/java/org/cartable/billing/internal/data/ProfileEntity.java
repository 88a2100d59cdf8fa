package org.cartable.billing.internal.data;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Table;

/** A collectivity's billing data for one school year. */
@Entity
@Table(name = "BILLING_PROFILE")
@IdClass(ProfileEntity.Key.class)
public class ProfileEntity {

    @Id
    @Column(name = "COLLECTIVITY_ID", length = 64)
    private String collectivityId;

    @Id
    @Column(name = "SCHOOL_YEAR")
    private int year;

    @Column(name = "MOBILE_OPTION", nullable = false)
    private boolean mobileOption;

    @Column(name = "SERVICE_CODE", length = 100)
    private String serviceCode;

    @Column(name = "ENGAGEMENT_NUMBER", length = 50)
    private String engagementNumber;

    @Column(name = "ROUTING_REQUIRED", nullable = false)
    private boolean routingRequired;

    @Column(name = "ADDRESS", length = 500)
    private String address;

    @Column(name = "UPDATED_AT", nullable = false)
    private Instant updatedAt;

    protected ProfileEntity() {
        // for JPA
    }

    public ProfileEntity(String collectivityId, int year) {
        this.collectivityId = collectivityId;
        this.year = year;
    }

    public void update(boolean mobileOption, String serviceCode, String engagementNumber, boolean routingRequired,
                       String address, Instant now) {
        this.mobileOption = mobileOption;
        this.serviceCode = serviceCode;
        this.engagementNumber = engagementNumber;
        this.routingRequired = routingRequired;
        this.address = address;
        this.updatedAt = now;
    }

    public String collectivityId() {
        return collectivityId;
    }

    public int year() {
        return year;
    }

    public boolean mobileOption() {
        return mobileOption;
    }

    public String serviceCode() {
        return serviceCode;
    }

    public String engagementNumber() {
        return engagementNumber;
    }

    public boolean routingRequired() {
        return routingRequired;
    }

    public String address() {
        return address;
    }

    /** The composite key. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private String collectivityId;
        private int year;

        public Key() {
        }

        public Key(String collectivityId, int year) {
            this.collectivityId = collectivityId;
            this.year = year;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.year == year && Objects.equals(key.collectivityId, collectivityId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(collectivityId, year);
        }
    }
}
