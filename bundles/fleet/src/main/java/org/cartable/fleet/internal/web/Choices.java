package org.cartable.fleet.internal.web;

import java.util.Arrays;

import org.apache.wicket.Component;
import org.apache.wicket.markup.html.form.ChoiceRenderer;
import org.apache.wicket.markup.html.form.DropDownChoice;
import org.apache.wicket.model.IModel;

/** Drop-downs of enum values labelled from the pages' texts ("state.IN_SERVICE"), posted by name. */
final class Choices {

    private Choices() {
    }

    static <E extends Enum<E>> DropDownChoice<E> of(Component owner, String id, IModel<E> model, E[] values,
                                                    String prefix) {
        return new DropDownChoice<>(id, model, Arrays.asList(values), new ChoiceRenderer<>() {
            private static final long serialVersionUID = 1L;

            @Override
            public Object getDisplayValue(E value) {
                return owner.getString(prefix + "." + value.name());
            }

            @Override
            public String getIdValue(E value, int index) {
                return value.name();
            }
        });
    }
}
