package org.cartable.fleet.internal.data;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.persistence.CollectionTable;
import javax.persistence.Column;
import javax.persistence.ElementCollection;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.FetchType;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.MapKeyColumn;
import javax.persistence.Table;
import javax.persistence.Version;

import org.cartable.fleet.internal.AssignmentType;
import org.cartable.fleet.internal.DeviceKind;
import org.cartable.fleet.internal.DeviceState;
import org.cartable.fleet.internal.Financial;

/** A device of a school. The school, classes and people are platform ids, not relations. */
@Entity
@Table(name = "FLEET_DEVICE")
public class DeviceEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "TAG", length = 40, nullable = false, unique = true, updatable = false)
    private String tag;

    @Enumerated(EnumType.STRING)
    @Column(name = "KIND", length = 24, nullable = false, updatable = false)
    private DeviceKind kind;

    @Column(name = "SCHOOL_ID", length = 64, nullable = false)
    private String schoolId;

    @Column(name = "MODEL", length = 200)
    private String model;

    @Column(name = "SERIAL", length = 100)
    private String serial;

    @Enumerated(EnumType.STRING)
    @Column(name = "STATE", length = 16, nullable = false)
    private DeviceState state;

    @Enumerated(EnumType.STRING)
    @Column(name = "ASSIGNMENT_TYPE", length = 16, nullable = false)
    private AssignmentType assignmentType;

    /** Class id, room name, person id or container device id, by {@link #assignmentType}; null for the school. */
    @Column(name = "ASSIGNED_TO", length = 100)
    private String assignedTo;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "FLEET_DEVICE_ATTRIBUTE", joinColumns = @JoinColumn(name = "DEVICE_ID"))
    @MapKeyColumn(name = "NAME", length = 40)
    @Column(name = "ATTR_VALUE", length = 200, nullable = false)
    private Map<String, String> attributes = new LinkedHashMap<>();

    @Column(name = "SUPPLIER", length = 200) private String supplier;
    @Column(name = "ORDER_NUMBER", length = 100) private String orderNumber;
    @Column(name = "DELIVERY_NUMBER", length = 100) private String deliveryNumber;
    @Column(name = "INVOICE_NUMBER", length = 100) private String invoiceNumber;
    @Column(name = "ASSET_NUMBER", length = 100) private String assetNumber;
    @Column(name = "FUNDING", length = 200) private String funding;
    @Column(name = "PURCHASE_DATE") private LocalDate purchaseDate;
    @Column(name = "START_OF_USE_DATE") private LocalDate startOfUseDate;
    @Column(name = "PURCHASE_VALUE", precision = 12, scale = 2) private BigDecimal value;
    @Column(name = "WARRANTY_MONTHS") private Integer warrantyMonths;
    @Column(name = "DEPRECIATION_YEARS") private Integer depreciationYears;

    @Column(name = "DELIVERED_ON") private LocalDate deliveredOn;
    @Column(name = "CONFIGURED_ON") private LocalDate configuredOn;
    @Column(name = "ENROLLED_ON") private LocalDate enrolledOn;
    @Column(name = "FILTERING_ON") private LocalDate filteringOn;
    @Column(name = "IN_SERVICE_SINCE") private LocalDate inServiceSince;
    @Column(name = "REPAIR_SINCE") private LocalDate repairSince;
    @Column(name = "LOST_ON") private LocalDate lostOn;
    @Column(name = "DECOMMISSIONED_ON") private LocalDate decommissionedOn;
    @Column(name = "LAST_INVENTORY_ON") private LocalDate lastInventoryOn;

    @Column(name = "CREATED_AT", nullable = false, updatable = false) private Instant createdAt;
    @Column(name = "UPDATED_AT", nullable = false) private Instant updatedAt;

    @Version
    @Column(name = "VERSION", nullable = false)
    private long version;

    protected DeviceEntity() {
        // for JPA
    }

    public DeviceEntity(String id, String tag, DeviceKind kind, String schoolId, LocalDate deliveredOn, Instant now) {
        this.id = id;
        this.tag = tag;
        this.kind = kind;
        this.schoolId = schoolId;
        this.state = DeviceState.FACTORY;
        this.assignmentType = AssignmentType.SCHOOL;
        this.deliveredOn = deliveredOn;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public String id() { return id; }
    public String tag() { return tag; }
    public DeviceKind kind() { return kind; }
    public String schoolId() { return schoolId; }
    public String model() { return model; }
    public String serial() { return serial; }
    public DeviceState state() { return state; }
    public AssignmentType assignmentType() { return assignmentType; }
    public String assignedTo() { return assignedTo; }
    public Map<String, String> attributes() { return Map.copyOf(attributes); }
    public LocalDate deliveredOn() { return deliveredOn; }
    public LocalDate configuredOn() { return configuredOn; }
    public LocalDate enrolledOn() { return enrolledOn; }
    public LocalDate filteringOn() { return filteringOn; }
    public LocalDate inServiceSince() { return inServiceSince; }
    public LocalDate repairSince() { return repairSince; }
    public LocalDate lostOn() { return lostOn; }
    public LocalDate decommissionedOn() { return decommissionedOn; }
    public LocalDate lastInventoryOn() { return lastInventoryOn; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }

    public Financial financial() {
        return new Financial(supplier, orderNumber, deliveryNumber, invoiceNumber, assetNumber, funding, purchaseDate,
                startOfUseDate, value, warrantyMonths, depreciationYears);
    }

    public void describe(String model, String serial, Map<String, String> attributes, Instant now) {
        this.model = model;
        this.serial = serial;
        this.attributes.clear();
        this.attributes.putAll(attributes);
        this.updatedAt = now;
    }

    public void record(Financial f, Instant now) {
        supplier = f.supplier();
        orderNumber = f.orderNumber();
        deliveryNumber = f.deliveryNumber();
        invoiceNumber = f.invoiceNumber();
        assetNumber = f.assetNumber();
        funding = f.funding();
        purchaseDate = f.purchaseDate();
        startOfUseDate = f.startOfUseDate();
        value = f.value();
        warrantyMonths = f.warrantyMonths();
        depreciationYears = f.depreciationYears();
        updatedAt = now;
    }

    public void assign(String schoolId, AssignmentType type, String assignedTo, Instant now) {
        this.schoolId = schoolId;
        this.assignmentType = type;
        this.assignedTo = assignedTo;
        this.updatedAt = now;
    }

    /** Moves to the state and fills its date (the first time, for the steps before service). */
    public void moveTo(DeviceState target, LocalDate day, Instant now) {
        this.state = target;
        switch (target) {
            case CONFIGURED -> configuredOn = day;
            case ENROLLED -> enrolledOn = day;
            case FILTERED -> filteringOn = day;
            case IN_SERVICE -> {
                inServiceSince = day;
                repairSince = null;
                lostOn = null;
                if (startOfUseDate == null) {
                    startOfUseDate = day;
                }
            }
            case IN_REPAIR -> repairSince = day;
            case LOST -> lostOn = day;
            case RETIRED -> decommissionedOn = day;
            case FACTORY -> { }
        }
        this.updatedAt = now;
    }

    public void inventoried(LocalDate day) {
        this.lastInventoryOn = day;
    }
}
