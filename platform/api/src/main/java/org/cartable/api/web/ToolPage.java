package org.cartable.api.web;

import org.apache.wicket.RestartResponseException;
import org.apache.wicket.request.mapper.parameter.PageParameters;
import org.cartable.api.CartableException;
import org.cartable.api.ToolAccess;

/**
 * Base of the pages of a school- or operator-scoped app. The constructor refuses (with the shell's access-denied page)
 * anyone who holds none of the app's roles; the app's services still decide which schools the caller sees.
 */
public abstract class ToolPage extends AppBasePage {

    private static final long serialVersionUID = 1L;

    protected ToolPage(PageParameters parameters) {
        super(parameters);
        try {
            Services.get(ToolAccess.class).check(caller(), appId());
        } catch (CartableException refused) {
            throw new RestartResponseException(ShellLayout.get().accessDeniedPage(),
                    new PageParameters().add("reason", refused.kind().code()));
        }
    }

    /** @return the id of the app the page belongs to */
    protected abstract String appId();
}
