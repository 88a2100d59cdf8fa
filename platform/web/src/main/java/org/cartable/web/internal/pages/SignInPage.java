package org.cartable.web.internal.pages;

import org.apache.wicket.RestartResponseException;
import org.apache.wicket.request.RequestHandlerExecutor.ReplaceHandlerException;
import org.apache.wicket.markup.html.WebMarkupContainer;
import org.apache.wicket.markup.html.form.PasswordTextField;
import org.apache.wicket.markup.html.form.StatelessForm;
import org.apache.wicket.markup.html.form.TextField;
import org.apache.wicket.markup.html.form.validation.EqualPasswordInputValidator;
import org.apache.wicket.markup.html.panel.FeedbackPanel;
import org.apache.wicket.model.Model;
import org.apache.wicket.model.ResourceModel;
import org.apache.wicket.request.mapper.parameter.PageParameters;
import org.apache.wicket.validation.validator.StringValidator;
import org.cartable.api.Caller;
import org.cartable.api.CartableException;
import org.cartable.api.web.CartableSession;
import org.cartable.core.service.FirstLoginCodeExpired;
import org.cartable.core.service.PasswordChangeRequired;
import org.cartable.web.internal.CartableWebApplication;

/**
 * Login and password. Stateless, so that it never expires while open on a shared classroom computer. One message for
 * an unknown login and a wrong password (nothing to learn about which logins exist), another when throttled. The
 * first sign-in of an imported account, with the code of its connection sheet, asks for a password of their own.
 */
public final class SignInPage extends PublicPage {

    private static final long serialVersionUID = 1L;
    private static final String FIRST_SIGN_IN = "first";
    /** Core's floor for a chosen password (CoreAccounts). */
    private static final int MIN_NEW_PASSWORD_LENGTH = 8;

    private boolean firstSignIn;

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

        // Shown once a first-login code was accepted: the page is stateless, so the mode travels in the form's URL.
        firstSignIn = getPageParameters().get(FIRST_SIGN_IN).toBoolean(false);
        WebMarkupContainer choose = new WebMarkupContainer("choose");
        choose.setVisible(firstSignIn);
        PasswordTextField newPassword = new PasswordTextField("newPassword", Model.of(""));
        newPassword.setLabel(new ResourceModel("signin.newPassword"));
        newPassword.add(StringValidator.lengthBetween(MIN_NEW_PASSWORD_LENGTH, 200));
        PasswordTextField confirm = new PasswordTextField("confirm", Model.of(""));
        confirm.setLabel(new ResourceModel("signin.confirm"));
        choose.add(newPassword, confirm);

        StatelessForm<Void> form = new StatelessForm<>("form") {
            private static final long serialVersionUID = 1L;

            @Override
            protected void onSubmit() {
                signIn(login.getModelObject(), password.getModelObject(),
                        firstSignIn ? newPassword.getModelObject() : null);
            }
        };
        form.add(login, password, choose);
        form.add(new EqualPasswordInputValidator(newPassword, confirm));
        add(form);
        add(new FeedbackPanel("feedback"));
    }

    private void signIn(String login, String password, String newPassword) {
        Caller caller;
        try {
            caller = CartableWebApplication.get().services().accounts()
                    .authenticate(login.trim(), password, newPassword, clientAddress());
        } catch (PasswordChangeRequired firstTime) {
            // The code was right: ask for it again with the new password (password fields are never re-filled).
            getPageParameters().set(FIRST_SIGN_IN, true);
            firstSignIn = true;
            get("form:choose").setVisible(true);
            info(getString("signin.firstLogin"));
            return;
        } catch (FirstLoginCodeExpired expired) {
            error(getString("signin.codeExpired"));
            return;
        } catch (CartableException refused) {
            error(getString(refused.kind() == CartableException.Kind.TOO_MANY_REQUESTS ? "signin.throttled"
                    : refused.kind() == CartableException.Kind.BAD_REQUEST && newPassword != null
                    ? "signin.newPasswordRefused" : "signin.failed"));
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
