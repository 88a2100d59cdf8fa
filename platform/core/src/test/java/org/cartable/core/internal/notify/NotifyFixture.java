package org.cartable.core.internal.notify;

import java.util.Map;

import org.cartable.api.notify.Audience;
import org.cartable.api.notify.LocalizedText;
import org.cartable.api.notify.Notice;
import org.cartable.core.internal.SmallDirectory;
import org.cartable.core.internal.apps.ClassAppActivations;
import org.cartable.core.internal.apps.CoreAppCatalog;
import org.cartable.core.internal.directory.CoreDirectory;
import org.cartable.core.internal.model.Person;

/** The small directory with the notification services on top; app "test" is enabled in a1 only. */
final class NotifyFixture implements AutoCloseable {

    final SmallDirectory d = new SmallDirectory();
    final CoreDirectory directory = CoreDirectory.create(d.jpa, d.clock);
    final CoreAppCatalog catalog = new CoreAppCatalog();
    final Object testRegistration = new Object();
    final ClassAppActivations activations;
    final CoreNotifications notifications;
    final PersonalFeed feed;

    NotifyFixture() {
        catalog.add(testRegistration, new NoticeApp("test"), "1.0.0");
        catalog.add(new Object(), new NoticeApp("other"), "1.0.0");
        activations = ClassAppActivations.create(d.jpa, directory, catalog, java.util.Set.of("other"),
                d.clock);
        activations.enable(d.teacherA1, d.a1, "test");
        notifications = CoreNotifications.create(d.jpa, directory, catalog, activations, d.clock);
        feed = PersonalFeed.create(d.jpa, directory, catalog, d.clock);
    }

    /** Back to the state after construction: no items, mails or choices; "test" enabled in a1 and installed. */
    void reset() {
        d.jpa.tx(em -> {
            em.createQuery("delete from OutboxMail").executeUpdate();
            em.createQuery("delete from FeedItem").executeUpdate();
            em.createQuery("delete from NotificationPreference").executeUpdate();
            em.createQuery("update Person p set p.email = null, p.quietFrom = null, p.quietTo = null,"
                    + " p.language = null").executeUpdate();
        });
        catalog.remove(testRegistration);
        catalog.add(testRegistration, new NoticeApp("test"), "1.0.0");
        activations.enable(d.teacherA1, d.a1, "test");
    }

    static Notice notice(String appId, String type, String classId, String actorId, Audience audience,
                         String text) {
        return new Notice(appId, type, classId, actorId, audience,
                LocalizedText.of(Map.of("fr", text, "en", text + " (en)")), appId + "/" + classId);
    }

    void setEmail(String personId, String email) {
        d.jpa.tx(em -> em.find(Person.class, personId).setEmail(email));
    }

    long count(String entity) {
        return d.jpa.txExpr(em -> em.createQuery("select count(x) from " + entity + " x", Long.class)
                .getSingleResult());
    }

    @Override
    public void close() {
        d.close();
    }
}
