package org.cartable.api.web;

import org.apache.wicket.Application;
import org.apache.wicket.Component;
import org.apache.wicket.Page;
import org.apache.wicket.markup.head.IHeaderResponse;
import org.osgi.annotation.versioning.ProviderType;

/** What the shell's Wicket application offers to every page: the common header, styles and special pages. */
@ProviderType
public interface ShellLayout {

    /** @return the shell of the current request */
    static ShellLayout get() {
        return (ShellLayout) Application.get();
    }

    /** @return the top bar: home link, navigation, child switcher for parents, language switch, sign-out */
    Component newHeader(String id);

    /** Adds the shell's stylesheet and other shared head items. */
    void renderHead(IHeaderResponse response);

    Class<? extends Page> signInPage();

    /** @return the page shown when the caller may not see what they asked for; takes a {@code reason} parameter */
    Class<? extends Page> accessDeniedPage();
}
