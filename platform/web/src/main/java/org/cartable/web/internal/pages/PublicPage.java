package org.cartable.web.internal.pages;

import org.apache.wicket.AttributeModifier;
import org.apache.wicket.markup.head.IHeaderResponse;
import org.apache.wicket.markup.html.TransparentWebMarkupContainer;
import org.apache.wicket.markup.html.WebPage;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.link.BookmarkablePageLink;
import org.apache.wicket.model.ResourceModel;
import org.apache.wicket.request.mapper.parameter.PageParameters;
import org.cartable.api.web.ShellLayout;

/** Base of the pages reachable without signing in: sign-in, access denied, error. Same look as the app pages. */
public abstract class PublicPage extends WebPage {

    private static final long serialVersionUID = 1L;

    protected PublicPage(PageParameters parameters) {
        super(parameters);
        TransparentWebMarkupContainer html = new TransparentWebMarkupContainer("html");
        html.add(AttributeModifier.replace("lang", () -> getLocale().getLanguage()));
        add(html);
        add(new Label("pageTitle", new ResourceModel(titleKey())));
        add(new BookmarkablePageLink<Void>("home", getApplication().getHomePage()));
        add(new LanguageSwitch("language"));
    }

    /** @return resource key of the browser tab's title */
    protected abstract String titleKey();

    @Override
    public void renderHead(IHeaderResponse response) {
        super.renderHead(response);
        ShellLayout.get().renderHead(response);
    }
}
