package org.cartable.homework.internal;

import java.util.List;

import org.cartable.api.notify.Audience;
import org.cartable.api.notify.LocalizedText;
import org.cartable.api.notify.Notice;
import org.cartable.api.notify.Notifications;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the class's pupils and their parents about new and changed entries, through the platform's notification
 * feed when it is there. The reference is optional and dynamic: the diary works (without notices) while the
 * notification service is missing or restarting, and picks it up when it comes.
 */
@Component(service = HomeworkNotices.class)
public final class HomeworkNotices {

    private static final Logger LOG = LoggerFactory.getLogger(HomeworkNotices.class);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Notifications notifications;

    /** For tests: notices go to the given service (or nowhere, if null). */
    public static HomeworkNotices create(Notifications notifications) {
        HomeworkNotices notices = new HomeworkNotices();
        notices.notifications = notifications;
        return notices;
    }

    /**
     * Publishes an entry's notice to the class's pupils and their parents. Called after the entry was stored: a
     * failure to notify is logged and never undoes the teacher's work.
     */
    void publish(Entry entry, boolean isNew, List<String> pupilIds, String actorId) {
        Notifications target = notifications;
        if (target == null || pupilIds.isEmpty()) {
            return;
        }
        String base = isNew ? "notice.new" : "notice.changed";
        String key = entry.hasWork() ? base + ".due" : base;
        LocalizedText text = LocalizedText.render(locale -> Texts.format(locale, key,
                Texts.subject(locale, entry.subject()), entry.title(), Texts.longDate(locale, entry.date()),
                entry.hasWork() ? Texts.longDate(locale, entry.dueDate()) : ""));
        Notice notice = new Notice(HomeworkApp.ID, isNew ? HomeworkApp.NOTICE_NEW : HomeworkApp.NOTICE_CHANGED,
                entry.classId(), actorId, Audience.pupilsAndParents(pupilIds), text,
                HomeworkApp.ID + "/" + entry.classId() + "?date=" + entry.date());
        try {
            target.publish(notice);
        } catch (RuntimeException e) {
            LOG.warn("Homework notice for entry {} not published", entry.id(), e);
        }
    }
}
