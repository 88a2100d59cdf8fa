package org.cartable.core.internal.notify;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;

import javax.mail.Authenticator;
import javax.mail.Message;
import javax.mail.MessagingException;
import javax.mail.PasswordAuthentication;
import javax.mail.Session;
import javax.mail.Transport;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeMessage;

import org.cartable.core.service.MailSender;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Plain-text mails over SMTP (JavaMail), configured in {@code etc/org.cartable.mail.cfg}. */
@Component(service = MailSender.class, configurationPid = MailConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = MailConfig.class)
public final class SmtpMailSender implements MailSender {

    private static final Logger LOG = LoggerFactory.getLogger(SmtpMailSender.class);
    private static final String TIMEOUT_MILLIS = "20000";

    private final Session session;
    private final String from;

    @Activate
    public SmtpMailSender(MailConfig config) {
        this(config.host(), config.port(), config.from(), config.starttls(), config.user(), config.password());
    }

    /** Builds the component outside OSGi (tests, tools). */
    public static SmtpMailSender create(String host, int port, String from, boolean starttls, String user,
                                        String password) {
        return new SmtpMailSender(host, port, from, starttls, user, password);
    }

    private SmtpMailSender(String configuredHost, int port, String from, boolean starttls, String configuredUser,
                           String password) {
        this.from = from;
        String host = configuredHost == null ? "" : configuredHost.strip();
        if (host.isEmpty()) {
            this.session = null;
            LOG.info("E-mail is off: no SMTP host in etc/{}.cfg; notices stay in the feed and queued mails wait",
                    MailConfig.PID);
            return;
        }
        Properties properties = new Properties();
        properties.put("mail.smtp.host", host);
        properties.put("mail.smtp.port", String.valueOf(port));
        properties.put("mail.smtp.connectiontimeout", TIMEOUT_MILLIS);
        properties.put("mail.smtp.timeout", TIMEOUT_MILLIS);
        properties.put("mail.smtp.writetimeout", TIMEOUT_MILLIS);
        if (starttls) {
            properties.put("mail.smtp.starttls.enable", "true");
            properties.put("mail.smtp.starttls.required", "true");
        }
        String user = configuredUser == null ? "" : configuredUser.strip();
        Authenticator authenticator = user.isEmpty() ? null : authenticator(user, password);
        if (authenticator != null) {
            properties.put("mail.smtp.auth", "true");
        }
        this.session = withMailClassLoader(() -> Session.getInstance(properties, authenticator));
        LOG.info("E-mail goes through SMTP {}:{} as {}", host, port, from);
    }

    private static Authenticator authenticator(String user, String password) {
        return new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(user, password);
            }
        };
    }

    @Override
    public boolean enabled() {
        return session != null;
    }

    @Override
    public void send(Mail mail) throws MailException {
        if (session == null) {
            throw new MailException("E-mail is off (no SMTP host configured)", null);
        }
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress(from));
            message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(mail.to(), true));
            message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
            message.setText(mail.body(), StandardCharsets.UTF_8.name());
            message.setSentDate(new Date());
            withMailClassLoader(() -> {
                Transport.send(message);
                return null;
            });
        } catch (MessagingException | RuntimeException e) {
            Throwable cause = e instanceof WrappedMessaging wrapped ? wrapped.getCause() : e;
            throw new MailException("SMTP refused or failed: " + cause.getMessage(), cause);
        }
    }

    private interface MailAction<T> {
        T run() throws MessagingException;
    }

    private static final class WrappedMessaging extends RuntimeException {
        private static final long serialVersionUID = 1L;

        WrappedMessaging(MessagingException cause) {
            super(cause);
        }
    }

    /**
     * JavaMail finds its providers (the SMTP transport) and data handlers through the thread's context class
     * loader; in OSGi that must be the mail bundle's own loader.
     */
    private static <T> T withMailClassLoader(MailAction<T> action) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(Session.class.getClassLoader());
        try {
            return action.run();
        } catch (MessagingException e) {
            throw new WrappedMessaging(e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
