package org.cartable.api.notify;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Publishes notices to people's feeds (and, per their preferences, by e-mail). Apps get it as a DS reference; make
 * the reference optional if the app must keep working while the platform's notification service restarts.
 */
@ProviderType
public interface Notifications {

    /**
     * Stores the notice for every person of its audience (expanded now: the parents a pupil has today), except its
     * actor. Nothing is stored when the notice concerns a class whose app is disabled or no longer installed.
     * Runs in the caller's transaction when there is one, so a rolled-back write sends nothing.
     *
     * @return how many people received it
     */
    int publish(Notice notice);
}
