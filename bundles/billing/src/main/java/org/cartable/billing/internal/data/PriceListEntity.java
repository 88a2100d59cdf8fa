package org.cartable.billing.internal.data;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

import org.cartable.billing.internal.PriceList;

/** The saved price list of one school year. */
@Entity
@Table(name = "BILLING_PRICE_LIST")
public class PriceListEntity {

    @Id
    @Column(name = "SCHOOL_YEAR")
    private int year;

    @Column(name = "MEMBERSHIP_MEMBER", precision = 10, scale = 2, nullable = false)
    private BigDecimal membershipMember;

    @Column(name = "MEMBERSHIP_NON_MEMBER", precision = 10, scale = 2, nullable = false)
    private BigDecimal membershipNonMember;

    @Column(name = "SUPPORT", precision = 10, scale = 2, nullable = false)
    private BigDecimal support;

    @Column(name = "LICENCE", precision = 10, scale = 2, nullable = false)
    private BigDecimal licence;

    @Column(name = "MOBILE", precision = 10, scale = 2, nullable = false)
    private BigDecimal mobile;

    @Column(name = "VAT_RATE", precision = 5, scale = 2, nullable = false)
    private BigDecimal vatRate;

    @Column(name = "CENSUS_DATE", nullable = false)
    private LocalDate censusDate;

    @Column(name = "UPDATED_AT", nullable = false)
    private Instant updatedAt;

    @Column(name = "UPDATED_BY", length = 64, nullable = false)
    private String updatedBy;

    protected PriceListEntity() {
        // for JPA
    }

    public PriceListEntity(int year) {
        this.year = year;
    }

    public void update(PriceList prices, String by, Instant now) {
        membershipMember = prices.membershipMember();
        membershipNonMember = prices.membershipNonMember();
        support = prices.support();
        licence = prices.licence();
        mobile = prices.mobile();
        vatRate = prices.vatRate();
        censusDate = prices.censusDate();
        updatedBy = by;
        updatedAt = now;
    }

    public PriceList toPriceList() {
        return new PriceList(year, membershipMember, membershipNonMember, support, licence, mobile, vatRate,
                censusDate, true);
    }
}
