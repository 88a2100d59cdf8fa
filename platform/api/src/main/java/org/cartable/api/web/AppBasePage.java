package org.cartable.api.web;

import org.apache.wicket.AttributeModifier;
import org.apache.wicket.RestartResponseAtInterceptPageException;
import org.apache.wicket.markup.head.IHeaderResponse;
import org.apache.wicket.markup.html.TransparentWebMarkupContainer;
import org.apache.wicket.markup.html.WebPage;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.model.IModel;
import org.apache.wicket.model.Model;
import org.apache.wicket.request.mapper.parameter.PageParameters;
import org.cartable.api.Caller;

/** Base of every page behind sign-in: the shell's header and styles around the page's own content. */
public abstract class AppBasePage extends WebPage {

    private static final long serialVersionUID = 1L;

    protected AppBasePage(PageParameters parameters) {
        super(parameters);
        if (!CartableSession.get().isSignedIn()) {
            throw new RestartResponseAtInterceptPageException(ShellLayout.get().signInPage());
        }
        TransparentWebMarkupContainer html = new TransparentWebMarkupContainer("html");
        html.add(AttributeModifier.replace("lang", () -> getLocale().getLanguage()));
        add(html);
        add(new Label("pageTitle", pageTitle()));
        add(ShellLayout.get().newHeader("header"));
    }

    /** @return the text of the browser tab, "Cartable" unless a page says better */
    protected IModel<String> pageTitle() {
        return Model.of("Cartable");
    }

    /** @return the signed-in person */
    protected Caller caller() {
        return CartableSession.get().caller()
                .orElseThrow(() -> new RestartResponseAtInterceptPageException(ShellLayout.get().signInPage()));
    }

    @Override
    public void renderHead(IHeaderResponse response) {
        super.renderHead(response);
        ShellLayout.get().renderHead(response);
    }
}
