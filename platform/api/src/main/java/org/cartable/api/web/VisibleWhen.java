package org.cartable.api.web;

import org.apache.wicket.Component;
import org.apache.wicket.behavior.Behavior;
import org.danekja.java.util.function.serializable.SerializableBooleanSupplier;

/**
 * Shows a component only while a condition holds, re-evaluated at every render (the condition usually reads a
 * detachable model, e.g. "the list is empty"). Replaces an anonymous subclass overriding {@code onConfigure}.
 */
public final class VisibleWhen extends Behavior {

    private static final long serialVersionUID = 1L;

    private final SerializableBooleanSupplier condition;

    private VisibleWhen(SerializableBooleanSupplier condition) {
        this.condition = condition;
    }

    public static VisibleWhen of(SerializableBooleanSupplier condition) {
        return new VisibleWhen(condition);
    }

    @Override
    public void onConfigure(Component component) {
        super.onConfigure(component);
        component.setVisible(condition.getAsBoolean());
    }
}
