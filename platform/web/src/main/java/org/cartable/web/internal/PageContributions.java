package org.cartable.web.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.cartable.api.web.PageContribution;

/**
 * The pages apps contribute right now. The OSGi component feeds it from its dynamic reference; the Wicket application
 * (which may be created after the first contributions arrive, and re-created when the servlet restarts) attaches as
 * the single listener and mounts what is already there.
 */
public final class PageContributions {

    /** Told about every contribution that arrives or leaves while attached. */
    public interface Listener {
        void added(PageContribution contribution);

        void removed(PageContribution contribution);
    }

    private final List<PageContribution> contributions = new ArrayList<>();
    private Listener listener;

    /*
     * The listener is called under this object's lock, so that an add and a remove of the same contribution (which
     * SCR may deliver on different threads) reach the application in order. The application takes its own lock
     * inside; nothing takes them the other way round.
     */

    public synchronized void add(PageContribution contribution) {
        contributions.add(contribution);
        if (listener != null) {
            listener.added(contribution);
        }
    }

    public synchronized void remove(PageContribution contribution) {
        if (contributions.remove(contribution) && listener != null) {
            listener.removed(contribution);
        }
    }

    /** Attaches the listener and replays the contributions already present. */
    public synchronized void attach(Listener newListener) {
        listener = newListener;
        List.copyOf(contributions).forEach(newListener::added);
    }

    public synchronized void detach(Listener oldListener) {
        if (listener == oldListener) {
            listener = null;
        }
    }

    public synchronized List<PageContribution> all() {
        return List.copyOf(contributions);
    }

    /** @return the page a class tile of the app opens, if the app contributes one */
    public synchronized Optional<PageContribution> homeOf(String appId) {
        return contributions.stream().filter(c -> c.isHome() && appId.equals(c.appId())).findFirst();
    }
}
