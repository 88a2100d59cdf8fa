package org.cartable.core.internal.model;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.Table;

@Entity
@Table(name = "CORE_COLLECTIVITY")
public class Collectivity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "NAME", nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "KIND", nullable = false)
    private CollectivityKind kind;

    @Column(name = "PURCHASING_MEMBER", nullable = false)
    private boolean memberOfPurchasingBody;

    @Column(name = "SIRET")
    private String siret;

    protected Collectivity() {
    }

    public Collectivity(String name, CollectivityKind kind, boolean memberOfPurchasingBody, String siret) {
        this.id = Ids.newId();
        this.name = name;
        this.kind = kind;
        this.memberOfPurchasingBody = memberOfPurchasingBody;
        this.siret = siret;
    }

    public String getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public CollectivityKind getKind() {
        return kind;
    }

    public boolean isMemberOfPurchasingBody() {
        return memberOfPurchasingBody;
    }

    public String getSiret() {
        return siret;
    }
}
