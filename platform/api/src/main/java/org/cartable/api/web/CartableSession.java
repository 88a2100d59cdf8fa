package org.cartable.api.web;

import java.util.Optional;

import org.apache.wicket.Session;
import org.apache.wicket.protocol.http.WebSession;
import org.apache.wicket.request.Request;
import org.cartable.api.Caller;

/** The web session of the shell: who is signed in and which child a parent is looking at. */
public class CartableSession extends WebSession {

    private static final long serialVersionUID = 1L;

    private Caller caller;
    private String selectedChildId;

    public CartableSession(Request request) {
        super(request);
    }

    public static CartableSession get() {
        return (CartableSession) Session.get();
    }

    /**
     * Signs in under a new session id, so that an id planted before login (session fixation) is worthless
     * afterwards. The container session keeps its attributes (e.g. the page that asked for sign-in).
     */
    public void signIn(Caller signedIn) {
        // The id can only change on a session the container knows about.
        bind();
        changeSessionId();
        this.caller = signedIn;
        this.selectedChildId = null;
        dirty();
    }

    /**
     * Replaces the signed-in person's details with their current state (roles change, accounts get blocked), keeping
     * the session. Signing out is the answer to an account that no longer exists or is blocked.
     */
    public void refresh(Caller current) {
        if (caller != null && caller.userId().equals(current.userId()) && !caller.equals(current)) {
            caller = current;
            dirty();
        }
    }

    public void signOut() {
        caller = null;
        selectedChildId = null;
        invalidate();
    }

    public boolean isSignedIn() {
        return caller != null;
    }

    public Optional<Caller> caller() {
        return Optional.ofNullable(caller);
    }

    /** @return the child a parent chose in the child switcher, if any */
    public Optional<String> selectedChildId() {
        return Optional.ofNullable(selectedChildId);
    }

    public void selectChild(String childId) {
        this.selectedChildId = childId;
        dirty();
    }
}
