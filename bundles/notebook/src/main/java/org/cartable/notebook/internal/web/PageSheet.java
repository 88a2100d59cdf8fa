package org.cartable.notebook.internal.web;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.apache.wicket.AttributeModifier;
import org.apache.wicket.markup.html.WebMarkupContainer;
import org.apache.wicket.markup.html.list.ListItem;
import org.apache.wicket.markup.html.list.ListView;
import org.apache.wicket.markup.html.panel.Panel;
import org.apache.wicket.model.IModel;
import org.cartable.notebook.internal.Box;
import org.cartable.notebook.internal.Page;

/**
 * A page's sheet with its boxes. The boxes come in reading order (top to bottom, then left to right), which is how
 * they stack on a phone; on wider screens the page's stylesheet places them.
 */
final class PageSheet extends Panel {

    private static final long serialVersionUID = 1L;

    PageSheet(String id, String classId, IModel<Page> page, boolean editing) {
        super(id);
        WebMarkupContainer sheet = new WebMarkupContainer("sheet");
        if (editing) {
            sheet.add(AttributeModifier.append("class", "nb-editing"));
        }
        IModel<List<Box>> boxes = page.map(p -> p.boxes().stream()
                .sorted(Comparator.comparingDouble((Box b) -> b.geometry().y())
                        .thenComparingDouble(b -> b.geometry().x()))
                .toList());
        sheet.add(new ListView<>("box", boxes) {
            @Override
            protected void populateItem(ListItem<Box> item) {
                Box box = item.getModelObject();
                item.add(AttributeModifier.replace("id", Styles.boxId(box)));
                item.add(AttributeModifier.append("class", "nb-box-" + box.kind().name().toLowerCase(Locale.ROOT)));
                item.add(AttributeModifier.replace("data-box", box.id()));
                item.add(new BoxPanel("content", classId, box));
                item.add(new WebMarkupContainer("handle").setVisible(editing));
            }
        });
        add(sheet);
    }
}
