package org.cartable.wiki.internal.web;

import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.link.BookmarkablePageLink;
import org.apache.wicket.model.IModel;
import org.apache.wicket.model.LoadableDetachableModel;
import org.apache.wicket.model.StringResourceModel;
import org.apache.wicket.request.mapper.parameter.PageParameters;
import org.cartable.wiki.internal.Comparison;
import org.cartable.wiki.internal.VersionInfo;

/** Two versions of a page compared: additions and deletions highlighted in the newer text. */
public class WikiDiffPage extends WikiBasePage {

    private static final long serialVersionUID = 1L;

    private final IModel<Comparison> comparison;

    public WikiDiffPage(PageParameters parameters) {
        super(parameters);
        String pageId = parameters.get(PAGE_ID).toString("");
        int from = parameters.get("from").toInt(0);
        int to = parameters.get("to").toInt(0);
        comparison = LoadableDetachableModel.of(() -> load(() -> wiki().compare(caller(), classId(), pageId, from, to)));
        comparison.getObject();

        add(new BookmarkablePageLink<Void>("history", WikiHistoryPage.class, pageParameters(classId(), pageId)));
        add(new BookmarkablePageLink<Void>("page", WikiViewPage.class, pageParameters(classId(), pageId)));
        add(new Label("title", comparison.map(c -> c.to().title())));
        add(new Label("from", describe(comparison.map(Comparison::from))));
        add(new Label("to", describe(comparison.map(Comparison::to))));
        add(new Label("counts", new StringResourceModel("counts", this)
                .setParameters(comparison.map(Comparison::added), comparison.map(Comparison::removed))));
        // Built by the service from escaped text: no markup but <ins>, <del> and <br>.
        add(new Label("diff", comparison.map(Comparison::html)).setEscapeModelStrings(false));
    }

    /** @return parameters comparing two versions of a page */
    public static PageParameters parameters(String classId, String pageId, int from, int to) {
        return pageParameters(classId, pageId).add("from", from).add("to", to);
    }

    private IModel<String> describe(IModel<VersionInfo> version) {
        return new StringResourceModel("versionBy", this).setParameters(version.map(VersionInfo::number),
                version.map(VersionInfo::authorName), version.map(v -> format(v.createdAt())));
    }

    @Override
    protected void onDetach() {
        comparison.detach();
        super.onDetach();
    }
}
