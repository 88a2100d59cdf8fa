package org.cartable.web.internal.pages;

import org.apache.wicket.RestartResponseException;
import org.apache.wicket.request.RequestHandlerExecutor.ReplaceHandlerException;
import org.apache.wicket.markup.html.form.PasswordTextField;
import org.apache.wicket.markup.html.form.StatelessForm;
import org.apache.wicket.markup.html.form.TextField;
import org.apache.wicket.markup.html.panel.FeedbackPanel;
import org.apache.wicket.model.Model;
import org.apache.wicket.model.ResourceModel;
import org.apache.wicket.request.mapper.parameter.PageParameters;
import org.apache.wicket.validation.validator.StringValidator;
import org.cartable.api.Caller;
import org.cartable.api.CartableException;
import org.cartable.api.web.CartableSession;
import org.cartable.web.internal.CartableWebApplication;

/**
 * Login and password. Stateless, so that it never expires while open on a shared classroom computer. One message for
 * an unknown login and a wrong password (nothing to learn about which logins exist), another when throttled.
 */
public final class SignInPage extends PublicPage {

    private static final long serialVersionUID = 1L;

    public SignInPage(PageParameters parameters) {
        super(parameters);
        if (CartableSession.get().isSignedIn()) {
            throw new RestartResponseException(getApplication().getHomePage());
        }
        TextField<String> login = new TextField<>("login", Model.of(""));
        login.setRequired(true).setLabel(new ResourceModel("signin.login"));
        login.add(StringValidator.maximumLength(100));
        PasswordTextField password = new PasswordTextField("password", Model.of(""));
        password.setLabel(new ResourceModel("signin.password"));
        password.add(StringValidator.maximumLength(200));

        StatelessForm<Void> form = new StatelessForm<>("form") {
            private static final long serialVersionUID = 1L;

            @Override
            protected void onSubmit() {
                signIn(login.getModelObject(), password.getModelObject());
            }
        };
        form.add(login, password);
        add(form);
        add(new FeedbackPanel("feedback"));
    }

    private void signIn(String login, String password) {
        Caller caller;
        try {
            caller = CartableWebApplication.get().services().accounts()
                    .authenticate(login.trim(), password, clientAddress());
        } catch (CartableException refused) {
            error(getString(refused.kind() == CartableException.Kind.TOO_MANY_REQUESTS
                    ? "signin.throttled" : "signin.failed"));
            return;
        }
        /*
         * Back to the page that asked for sign-in, if any. Wicket keeps that page in the session, and signIn replaces
         * the session (new id against fixation): ask for the redirect first, then sign in, then let it proceed.
         */
        try {
            continueToOriginalDestination();
        } catch (ReplaceHandlerException redirectToOriginal) {
            CartableSession.get().signIn(caller);
            throw redirectToOriginal;
        }
        CartableSession.get().signIn(caller);
        setResponsePage(getApplication().getHomePage());
    }

    private static String clientAddress() {
        return CartableWebApplication.clientAddress();
    }

    @Override
    protected String titleKey() {
        return "signin.title";
    }
}
