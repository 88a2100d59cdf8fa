package org.cartable.core.internal.notify;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Cartable e-mail",
        description = "SMTP server and schedule of notification e-mails (etc/org.cartable.mail.cfg).")
public @interface MailConfig {

    String PID = "org.cartable.mail";

    @AttributeDefinition(description = "SMTP host; empty turns e-mail off (notices stay in the feed, mails wait)")
    String host() default "";

    @AttributeDefinition(description = "SMTP port")
    int port() default 25;

    @AttributeDefinition(description = "Sender address, e.g. Cartable <no-reply@ent.example.org>")
    String from() default "Cartable <no-reply@cartable.invalid>";

    @AttributeDefinition(description = "Require STARTTLS")
    boolean starttls() default false;

    @AttributeDefinition(description = "SMTP user name; empty for no authentication")
    String user() default "";

    @AttributeDefinition(description = "SMTP password", type = AttributeType.PASSWORD)
    String password() default "";

    @AttributeDefinition(description = "Public address of the ENT, for links in mails")
    String baseUrl() default "http://localhost:8181";

    @AttributeDefinition(description = "Local time of the daily digest, HH:mm")
    String digestTime() default "17:00";

    @AttributeDefinition(description = "Seconds between two looks at the outbox")
    int pollSeconds() default 30;
}
