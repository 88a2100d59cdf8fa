package org.cartable.api.notify;

import java.util.Objects;

/**
 * A kind of notice an app publishes ("new homework", "word to acknowledge"). People choose, per type, whether it
 * also reaches them by e-mail.
 *
 * @param id           unique within the app, e.g. "homework.new"
 * @param label        what people see in their preferences
 * @param defaultEmail e-mail delivery for people who made no choice
 */
public record NoticeType(String id, LocalizedText label, EmailDelivery defaultEmail) {

    public NoticeType {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(defaultEmail, "defaultEmail");
    }
}
