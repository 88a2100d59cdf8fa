package org.cartable.core.service;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Sends the platform's e-mails (the SMTP implementation is configured in {@code etc/org.cartable.mail.cfg}); another
 * implementation registered with a higher ranking replaces it.
 */
@ConsumerType
public interface MailSender {

    /** @return whether mails can be sent at all (false: not configured); queued mails wait meanwhile */
    boolean enabled();

    /**
     * Sends one plain-text mail.
     *
     * @throws MailException when the server did not accept it (the caller retries later)
     */
    void send(Mail mail) throws MailException;

    /** A plain-text mail to one address. */
    record Mail(String to, String subject, String body) {
    }

    /** The mail was not accepted. */
    final class MailException extends Exception {

        private static final long serialVersionUID = 1L;

        public MailException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
