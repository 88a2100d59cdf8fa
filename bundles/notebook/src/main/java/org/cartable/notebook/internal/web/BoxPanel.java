package org.cartable.notebook.internal.web;

import org.apache.wicket.AttributeModifier;
import org.apache.wicket.markup.html.WebMarkupContainer;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.panel.Panel;
import org.apache.wicket.request.cycle.RequestCycle;
import org.cartable.notebook.internal.Box;
import org.cartable.notebook.internal.BoxKind;

/**
 * What a box shows: sanitised text, a picture, a player of an uploaded file, or the privacy-friendly player of a
 * known video site. Positions come from the page's stylesheet ({@link Styles}), never from style attributes (the shell's
 * Content Security Policy forbids them).
 */
final class BoxPanel extends Panel {

    private static final long serialVersionUID = 1L;

    BoxPanel(String id, String classId, Box box) {
        super(id);
        // the service sanitised it when it was stored
        add(new Label("text", box.kind() == BoxKind.TEXT ? box.content() : "").setEscapeModelStrings(false)
                .setVisible(box.kind() == BoxKind.TEXT));
        String source = box.media() == null ? null : RequestCycle.get().urlFor(NotebookMediaPage.class,
                NotebookMediaPage.parameters(classId, box.media().notebookId(), box.media().id())).toString();
        add(media("image", BoxKind.IMAGE, box, source)
                .add(AttributeModifier.replace("alt", box.content() == null ? "" : box.content())));
        add(media("audio", BoxKind.AUDIO, box, source));
        add(media("video", BoxKind.VIDEO, box, source));
        WebMarkupContainer embed = new WebMarkupContainer("embed");
        embed.setVisible(box.kind() == BoxKind.EMBED && box.embed() != null);
        if (box.embed() != null) {
            embed.add(AttributeModifier.replace("src", box.embed().playerUrl()));
            embed.add(AttributeModifier.replace("title", box.content() == null ? box.embed().pageUrl()
                    : box.content()));
        }
        add(embed);
        add(new Label("caption", box.content()).setVisible(box.kind() != BoxKind.TEXT && box.content() != null));
    }

    private static WebMarkupContainer media(String id, BoxKind kind, Box box, String source) {
        WebMarkupContainer media = new WebMarkupContainer(id);
        media.setVisible(box.kind() == kind && source != null);
        if (source != null) {
            media.add(AttributeModifier.replace("src", source));
        }
        return media;
    }
}
