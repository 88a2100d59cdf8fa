package org.cartable.web.internal.pages;

import java.util.Locale;

import org.apache.wicket.AttributeModifier;
import org.apache.wicket.Session;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.link.StatelessLink;
import org.apache.wicket.markup.html.panel.Panel;

/**
 * FR ⇄ EN switch. A stateless link, so that the sign-in page stays stateless. The link names the other language in
 * that language ("English", "Français"), as people look for their own language's name.
 */
public final class LanguageSwitch extends Panel {

    private static final long serialVersionUID = 1L;

    public LanguageSwitch(String id) {
        super(id);
        StatelessLink<Void> link = new StatelessLink<>("switch") {
            private static final long serialVersionUID = 1L;

            @Override
            public void onClick() {
                Session session = getSession();
                // An anonymous session is temporary until bound: bind it so the choice survives the redirect.
                session.bind();
                session.setLocale(other());
                setResponsePage(getPage().getPageClass(), getPage().getPageParameters());
            }
        };
        link.add(AttributeModifier.replace("lang", () -> other().getLanguage()));
        link.add(AttributeModifier.replace("hreflang", () -> other().getLanguage()));
        link.add(new Label("name", () -> other().getDisplayLanguage(other())
                .substring(0, 1).toUpperCase(other()) + other().getDisplayLanguage(other()).substring(1)));
        add(link);
    }

    private Locale other() {
        return Locale.ENGLISH.getLanguage().equals(getSession().getLocale().getLanguage())
                ? Locale.FRENCH : Locale.ENGLISH;
    }
}
