package org.cartable.core.internal.model;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.Table;

import org.cartable.api.notify.EmailDelivery;

/** A person's choice of e-mail delivery for one notice type; without a row the type's default applies. */
@Entity
@Table(name = "CORE_NOTIFY_PREF")
public class NotificationPreference {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "PERSON_ID", nullable = false, length = 36)
    private String personId;

    @Column(name = "APP_ID", nullable = false)
    private String appId;

    @Column(name = "NOTICE_TYPE", nullable = false)
    private String type;

    @Enumerated(EnumType.STRING)
    @Column(name = "EMAIL_DELIVERY", nullable = false)
    private EmailDelivery email;

    protected NotificationPreference() {
    }

    public NotificationPreference(String personId, String appId, String type, EmailDelivery email) {
        this.id = Ids.newId();
        this.personId = personId;
        this.appId = appId;
        this.type = type;
        this.email = email;
    }

    public String getPersonId() {
        return personId;
    }

    public String getAppId() {
        return appId;
    }

    public String getType() {
        return type;
    }

    public EmailDelivery getEmail() {
        return email;
    }

    public void setEmail(EmailDelivery email) {
        this.email = email;
    }
}
