package org.cartable.web.internal.pages;

import java.util.List;
import java.util.Optional;

import org.apache.wicket.AttributeModifier;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.link.BookmarkablePageLink;
import org.apache.wicket.markup.html.list.ListItem;
import org.apache.wicket.markup.html.list.ListView;
import org.apache.wicket.markup.html.panel.Panel;
import org.apache.wicket.model.IModel;
import org.apache.wicket.request.mapper.parameter.PageParameters;
import org.apache.wicket.model.LoadableDetachableModel;
import org.cartable.api.Caller;
import org.cartable.api.ChildInfo;
import org.cartable.api.Role;
import org.cartable.api.web.CartableSession;
import org.cartable.web.internal.CartableWebApplication;
import org.cartable.web.internal.RequestMemo;

/** Links to a parent's children; the chosen child is kept in the session and drives the dashboard. */
public final class ChildSwitcher extends Panel {

    private static final long serialVersionUID = 1L;

    /** The dashboard's parameter choosing which child it shows. */
    static final String CHILD_PARAMETER = "child";

    private final IModel<List<ChildInfo>> children = LoadableDetachableModel.of(ChildSwitcher::childrenOfCaller);

    private final boolean inHeader;

    /**
     * @param inHeader whether this is the header's switcher, which steps aside on the dashboard: there the switcher
     *                 stands next to the child's class instead, and one is enough
     */
    public ChildSwitcher(String id, boolean inHeader) {
        super(id);
        this.inHeader = inHeader;
        add(new ListView<>("child", children) {
            private static final long serialVersionUID = 1L;

            @Override
            protected void populateItem(ListItem<ChildInfo> item) {
                String childId = item.getModelObject().child().id();
                // A plain link to the dashboard naming the child (which the dashboard checks is the caller's own): no
                // listener kept for it, so the pages that show the switcher stay stateless.
                BookmarkablePageLink<Void> select = new BookmarkablePageLink<>("select", DashboardPage.class,
                        new PageParameters().set(CHILD_PARAMETER, childId));
                boolean current = selected(children.getObject())
                        .map(c -> c.child().id().equals(childId)).orElse(false);
                if (current) {
                    select.add(AttributeModifier.replace("aria-current", "true"));
                    select.add(AttributeModifier.append("class", "is-current"));
                }
                select.add(new Label("name", item.getModelObject().child().displayName()));
                item.add(select);
            }
        });
    }

    @Override
    protected void onConfigure() {
        super.onConfigure();
        // Only useful with a choice to make; the dashboard has its own switcher, so the header's is not even loaded there.
        setVisible(!(inHeader && getPage() instanceof DashboardPage) && children.getObject().size() > 1);
    }

    @Override
    protected void onDetach() {
        children.detach();
        super.onDetach();
    }

    /** @return the signed-in person's children, empty unless they are a parent */
    static List<ChildInfo> childrenOfCaller() {
        Optional<Caller> caller = CartableSession.get().caller();
        if (caller.isEmpty() || !caller.get().has(Role.PARENT)) {
            return List.of();
        }
        String parentId = caller.get().userId();
        // The dashboard and its switcher (or the header's switcher) ask the same question in one request.
        return RequestMemo.get(List.of("childrenOf", parentId),
                () -> CartableWebApplication.get().services().directory().childrenOf(parentId));
    }

    /** Keeps the child in the session if it is one of the caller's own children; anything else is ignored. */
    static void choose(String childId) {
        if (childId != null && childrenOfCaller().stream().anyMatch(c -> c.child().id().equals(childId))) {
            CartableSession.get().selectChild(childId);
        }
    }

    /** @return the child chosen in the session if it is still one of the children, else the first */
    static Optional<ChildInfo> selected(List<ChildInfo> children) {
        Optional<String> chosen = CartableSession.get().selectedChildId();
        return children.stream().filter(c -> chosen.map(c.child().id()::equals).orElse(false)).findFirst()
                .or(() -> children.stream().findFirst());
    }
}
