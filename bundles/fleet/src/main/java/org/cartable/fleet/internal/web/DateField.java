package org.cartable.fleet.internal.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import org.apache.wicket.markup.html.form.TextField;
import org.apache.wicket.model.IModel;
import org.apache.wicket.util.convert.ConversionException;
import org.apache.wicket.util.convert.IConverter;

/** An {@code <input type="date">}: browsers post ISO dates whatever the page's language. */
final class DateField extends TextField<LocalDate> {

    private static final long serialVersionUID = 1L;

    DateField(String id, IModel<LocalDate> model) {
        super(id, model, LocalDate.class);
    }

    @Override
    protected String[] getInputTypes() {
        return new String[] {"date"};
    }

    @Override
    @SuppressWarnings("unchecked")
    protected IConverter<?> createConverter(Class<?> type) {
        return new IConverter<LocalDate>() {
            private static final long serialVersionUID = 1L;

            @Override
            public LocalDate convertToObject(String value, Locale locale) {
                try {
                    return value == null || value.isBlank() ? null : LocalDate.parse(value.strip());
                } catch (DateTimeParseException e) {
                    throw new ConversionException(e).setResourceKey("badDate");
                }
            }

            @Override
            public String convertToString(LocalDate value, Locale locale) {
                return value == null ? "" : value.toString();
            }
        };
    }
}
