package org.cartable.web.internal;

import org.apache.wicket.markup.html.link.Link;
import org.apache.wicket.request.mapper.parameter.PageParameters;
import org.cartable.api.web.AppBasePage;

/** Stands for a page an app contributes; stateful (it has a link) like most real pages. */
public class SamplePage extends AppBasePage {

    private static final long serialVersionUID = 1L;

    public SamplePage(PageParameters parameters) {
        super(parameters);
        add(new Link<Void>("again") {
            private static final long serialVersionUID = 1L;

            @Override
            public void onClick() {
                // re-render the same page
            }
        });
    }
}
