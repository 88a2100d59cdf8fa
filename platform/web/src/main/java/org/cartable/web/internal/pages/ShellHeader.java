package org.cartable.web.internal.pages;

import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.link.BookmarkablePageLink;
import org.apache.wicket.markup.html.form.Form;
import org.apache.wicket.markup.html.panel.Panel;
import org.cartable.api.Caller;
import org.cartable.api.web.CartableSession;

/** The top bar of every signed-in page: home, who is signed in, child switcher (parents), language, sign-out. */
public final class ShellHeader extends Panel {

    private static final long serialVersionUID = 1L;

    public ShellHeader(String id) {
        super(id);
        add(new BookmarkablePageLink<Void>("home", getApplication().getHomePage()));
        add(new Label("userName", () -> CartableSession.get().caller().map(Caller::displayName).orElse("")));
        add(new ChildSwitcher("children", true));
        add(new LanguageSwitch("language"));
        // A form, not a link: signing out changes state, so it is a POST that other sites cannot trigger.
        add(new Form<Void>("signOut") {
            private static final long serialVersionUID = 1L;

            @Override
            protected void onSubmit() {
                CartableSession.get().signOut();
                setResponsePage(SignInPage.class);
            }
        });
    }
}
