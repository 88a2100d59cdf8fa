package org.cartable.liaison.internal;

import java.util.Collection;
import java.util.Set;

import org.cartable.api.notify.Audience;
import org.cartable.api.notify.Notice;
import org.cartable.api.notify.Notifications;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The notices the notebook publishes. The platform's notification service is optional and dynamic: the notebook
 * keeps working (without feed items) while it is absent or restarting, and picks it up as soon as it comes.
 */
@Component(service = LiaisonNotices.class)
public final class LiaisonNotices {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Notifications notifications;

    /** For DS. */
    public LiaisonNotices() {
    }

    private LiaisonNotices(Notifications notifications) {
        this.notifications = notifications;
    }

    /** @param notifications the service to publish through, or null for none */
    public static LiaisonNotices create(Notifications notifications) {
        return new LiaisonNotices(notifications);
    }

    /** To the parents of the addressed pupils; the teacher who wrote it is the actor. */
    int newWord(String classId, String wordId, String title, boolean ackRequired, Collection<String> pupils,
                String actorId) {
        return publish(new Notice(LiaisonApp.ID, LiaisonApp.NOTICE_WORD, classId, actorId,
                Audience.parentsOf(pupils),
                LiaisonApp.localized(ackRequired ? "notice.wordToSign" : "notice.word", title), link(classId, wordId)));
    }

    /** To the parents of the pupils nobody confirmed for. */
    int reminder(String classId, String wordId, String title, Collection<String> pupils, String actorId) {
        return publish(new Notice(LiaisonApp.ID, LiaisonApp.NOTICE_REMINDER, classId, actorId,
                Audience.parentsOf(pupils), LiaisonApp.localized("notice.reminder", title), link(classId, wordId)));
    }

    /** To the word's author. */
    int reply(String classId, String wordId, String title, String authorId, String parentName, String actorId) {
        return publish(new Notice(LiaisonApp.ID, LiaisonApp.NOTICE_REPLY, classId, actorId,
                Audience.persons(Set.of(authorId)), LiaisonApp.localized("notice.reply", parentName, title),
                link(classId, wordId)));
    }

    /** @return how many people received it, or -1 if the notification service is not there */
    private int publish(Notice notice) {
        Notifications current = notifications;
        return current == null ? -1 : current.publish(notice);
    }

    static String link(String classId, String wordId) {
        return LiaisonApp.ID + "/" + classId + "/word/" + wordId;
    }
}
