package org.cartable.notebook.internal.web;

import java.util.Locale;

import org.apache.wicket.markup.html.form.TextField;
import org.apache.wicket.model.IModel;
import org.apache.wicket.util.convert.ConversionException;
import org.apache.wicket.util.convert.IConverter;

/** Text fields on the HTML5 input types phones show a fitting keyboard or picker for (number, url, color). */
final class Inputs {

    private Inputs() {
    }

    static <T> TextField<T> of(String id, IModel<T> model, Class<T> type, String inputType) {
        return new TextField<>(id, model, type) {
            @Override
            protected String[] getInputTypes() {
                return new String[] {inputType};
            }

            /* A number field speaks "12.5" whatever the page's language; Wicket's converters would write "12,5". */
            @Override
            protected IConverter<?> createConverter(Class<?> converted) {
                return "number".equals(inputType) ? new PlainNumber(converted) : null;
            }
        };
    }

    /** Numbers as {@code <input type="number">} reads and writes them. */
    private static final class PlainNumber implements IConverter<Object> {

        private static final long serialVersionUID = 1L;

        private final Class<?> type;

        PlainNumber(Class<?> type) {
            this.type = type;
        }

        @Override
        public Object convertToObject(String value, Locale locale) {
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                return type == Integer.class ? Integer.valueOf(value.strip()) : Double.valueOf(value.strip());
            } catch (NumberFormatException e) {
                throw new ConversionException(e).setResourceKey("IConverter");
            }
        }

        @Override
        public String convertToString(Object value, Locale locale) {
            if (value instanceof Double d && d == Math.rint(d)) {
                return Long.toString(d.longValue());
            }
            return value == null ? "" : value.toString();
        }
    }
}
