package org.cartable.testing.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.util.Locale;
import java.util.Optional;

import org.apache.wicket.Application;
import org.apache.wicket.Component;
import org.apache.wicket.MarkupContainer;
import org.apache.wicket.Page;
import org.apache.wicket.Session;
import org.apache.wicket.markup.IMarkupResourceStreamProvider;
import org.apache.wicket.markup.head.IHeaderResponse;
import org.apache.wicket.markup.html.WebMarkupContainer;
import org.apache.wicket.markup.html.WebPage;
import org.apache.wicket.protocol.http.WebApplication;
import org.apache.wicket.request.Request;
import org.apache.wicket.request.Response;
import org.apache.wicket.util.resource.IResourceStream;
import org.apache.wicket.util.resource.StringResourceStream;
import org.apache.wicket.util.tester.WicketTester;
import org.cartable.api.Caller;
import org.cartable.api.web.CartableSession;
import org.cartable.api.web.ShellLayout;

/** The least of a shell for page tests: an empty header, and whoever the test says is signed in. */
public final class TestShell extends WebApplication implements ShellLayout {

    private Caller signedIn;

    /** Signs the caller in for the next requests (null signs out). */
    public void signIn(Caller caller) {
        this.signedIn = caller;
    }

    /** @return a tester of this shell, in the shell's default language (French); destroy it after the test */
    public WicketTester newTester() {
        WicketTester tester = new WicketTester(this);
        tester.getSession().setLocale(Locale.FRENCH);
        return tester;
    }

    /** Fails unless the page can be serialised, as Wicket does to keep it between requests. */
    public static void assertSerializable(Page page) {
        try (ObjectOutputStream out = new ObjectOutputStream(new ByteArrayOutputStream())) {
            out.writeObject(page);
        } catch (IOException e) {
            throw new AssertionError("The page cannot be serialised: " + e, e);
        }
    }

    @Override
    public Class<? extends Page> getHomePage() {
        return BlankPage.class;
    }

    @Override
    public Session newSession(Request request, Response response) {
        return new TestSession(request);
    }

    @Override
    public Component newHeader(String id) {
        return new WebMarkupContainer(id);
    }

    @Override
    public void renderHead(IHeaderResponse response) {
        // the shell's stylesheet is not needed to test the pages
    }

    @Override
    public Class<? extends Page> signInPage() {
        return BlankPage.class;
    }

    @Override
    public Class<? extends Page> accessDeniedPage() {
        return DeniedPage.class;
    }

    /* The real session's sign-in replaces the container session, which the tester does not need. */
    private static final class TestSession extends CartableSession {
        TestSession(Request request) {
            super(request);
        }

        @Override
        public boolean isSignedIn() {
            return caller().isPresent();
        }

        @Override
        public Optional<Caller> caller() {
            return Optional.ofNullable(((TestShell) Application.get()).signedIn);
        }
    }

    public static class BlankPage extends WebPage implements IMarkupResourceStreamProvider {
        @Override
        public IResourceStream getMarkupResourceStream(MarkupContainer container, Class<?> containerClass) {
            return new StringResourceStream("<html><body>blank</body></html>");
        }
    }

    public static class DeniedPage extends WebPage implements IMarkupResourceStreamProvider {
        @Override
        public IResourceStream getMarkupResourceStream(MarkupContainer container, Class<?> containerClass) {
            return new StringResourceStream("<html><body>denied</body></html>");
        }
    }
}
