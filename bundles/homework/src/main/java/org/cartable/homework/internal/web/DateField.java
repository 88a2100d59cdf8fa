package org.cartable.homework.internal.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.apache.wicket.markup.html.form.TextField;
import org.apache.wicket.model.IModel;
import org.apache.wicket.validation.ValidationError;

/**
 * An {@code <input type="date">}: browsers send the ISO form (2026-12-01) and show their own date picker, which
 * suits phones better than any widget of ours.
 */
final class DateField extends TextField<String> {

    private static final long serialVersionUID = 1L;

    DateField(String id, IModel<String> model) {
        super(id, model, String.class);
        add(validatable -> {
            try {
                LocalDate.parse(validatable.getValue());
            } catch (DateTimeParseException e) {
                validatable.error(new ValidationError().addKey("invalidDate"));
            }
        });
    }

    @Override
    protected String[] getInputTypes() {
        return new String[] {"date"};
    }

    static LocalDate parse(String value) {
        return value == null || value.isBlank() ? null : LocalDate.parse(value);
    }
}
