package org.cartable.wiki.internal.web;

import org.apache.wicket.request.mapper.parameter.PageParameters;

/**
 * The editor for a new page, with the markup of {@link WikiEditPage}; {@code parent} and {@code title} may be given,
 * e.g. by a link to a page that does not exist yet.
 */
public class WikiNewPage extends WikiEditPage {

    private static final long serialVersionUID = 1L;

    public WikiNewPage(PageParameters parameters) {
        super(parameters);
    }

    /** @return parameters opening the editor for a new page, under a parent and with a title if given */
    public static PageParameters parameters(String classId, String parentId, String title) {
        PageParameters parameters = forClass(classId);
        if (parentId != null) {
            parameters.add("parent", parentId);
        }
        if (title != null) {
            parameters.add("title", title);
        }
        return parameters;
    }

    @Override
    protected String editedPageId(PageParameters parameters) {
        return null;
    }
}
