package org.cartable.wiki.internal.web;

import java.util.ArrayList;
import java.util.List;

import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.form.Button;
import org.apache.wicket.markup.html.form.Check;
import org.apache.wicket.markup.html.form.CheckGroup;
import org.apache.wicket.markup.html.form.Form;
import org.apache.wicket.markup.html.link.BookmarkablePageLink;
import org.apache.wicket.markup.html.list.ListItem;
import org.apache.wicket.markup.html.list.ListView;
import org.apache.wicket.model.IModel;
import org.apache.wicket.model.LoadableDetachableModel;
import org.apache.wicket.model.Model;
import org.apache.wicket.model.StringResourceModel;
import org.apache.wicket.request.mapper.parameter.PageParameters;
import org.cartable.api.web.VisibleWhen;
import org.cartable.wiki.internal.PageAction;
import org.cartable.wiki.internal.VersionInfo;
import org.cartable.wiki.internal.WikiPage;

/**
 * A page's history, newest first: pick two versions to compare them, see what one version changed, and (for those
 * who edit) restore an older version as a new one.
 */
public class WikiHistoryPage extends WikiBasePage {

    private static final long serialVersionUID = 1L;

    private final String pageId;
    private final IModel<WikiPage> page;
    private final IModel<List<VersionInfo>> versions;
    /* The latest version when the page was shown: a restore from a stale history is refused, not silent. */
    private final int seenVersion;
    private final List<Integer> picked = new ArrayList<>();

    public WikiHistoryPage(PageParameters parameters) {
        super(parameters);
        pageId = parameters.get(PAGE_ID).toString("");
        page = LoadableDetachableModel.of(() -> load(() -> wiki().page(caller(), classId(), pageId)));
        versions = LoadableDetachableModel.of(() -> load(() -> wiki().history(caller(), classId(), pageId)));
        seenVersion = page.getObject().version();

        add(new BookmarkablePageLink<Void>("back", WikiViewPage.class, pageParameters(classId(), pageId)));
        add(new Label("title", page.map(WikiPage::title)));

        Form<Void> form = new Form<>("form");
        CheckGroup<Integer> group = new CheckGroup<>("group", picked);
        group.add(new ListView<>("version", versions) {
            @Override
            protected void populateItem(ListItem<VersionInfo> item) {
                VersionInfo version = item.getModelObject();
                item.add(new Check<>("pick", Model.of(version.number()), group)
                        .setLabel(Model.of(String.valueOf(version.number()))));
                item.add(new Label("number", version.number()));
                item.add(new Label("author", version.authorName()));
                item.add(new Label("date", format(version.createdAt())));
                item.add(new Label("restored", new StringResourceModel("restoredFrom", WikiHistoryPage.this)
                        .setParameters(version.restoredFrom()))
                        .setVisible(version.restoredFrom() != null));
                item.add(new BookmarkablePageLink<Void>("changes", WikiDiffPage.class,
                        WikiDiffPage.parameters(classId(), pageId, version.number() - 1, version.number()))
                        .setVisible(version.number() > 1));
                item.add(new Button("restore") {
                    @Override
                    public void onSubmit() {
                        if (act(() -> wiki().restore(caller(), classId(), pageId, version.number(), seenVersion))) {
                            getSession().success(new StringResourceModel("restored", WikiHistoryPage.this)
                                    .setParameters(version.number()).getString());
                            setResponsePage(WikiViewPage.class, pageParameters(classId(), pageId));
                        }
                    }
                }.setDefaultFormProcessing(false)
                        .setVisible(page.getObject().may(PageAction.EDIT) && version.number() != seenVersion));
            }
        });
        form.add(group);
        form.add(new Button("compare") {
            @Override
            public void onSubmit() {
                if (picked.size() != 2) {
                    error(getString("pickTwo"));
                    return;
                }
                int from = Math.min(picked.get(0), picked.get(1));
                int to = Math.max(picked.get(0), picked.get(1));
                setResponsePage(WikiDiffPage.class, WikiDiffPage.parameters(classId(), pageId, from, to));
            }
        }.add(VisibleWhen.of(() -> versions.getObject().size() > 1)));
        add(form);
    }

    @Override
    protected void onDetach() {
        page.detach();
        versions.detach();
        super.onDetach();
    }
}
