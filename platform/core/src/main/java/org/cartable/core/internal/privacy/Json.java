package org.cartable.core.internal.privacy;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.temporal.TemporalAccessor;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * The few JSON values a personal-data export is made of, written as indented UTF-8 text for people to read: maps,
 * iterables, arrays, records, strings, numbers, booleans, enums, {@code java.time} values and null. The core has no
 * JSON library and does not need one for this.
 */
final class Json {

    private static final int MAX_DEPTH = 32;

    private final Appendable out;

    private Json(Appendable out) {
        this.out = out;
    }

    static String write(Object value) {
        StringBuilder text = new StringBuilder();
        try {
            new Json(text).value(value, 0);
        } catch (IOException e) {
            throw new IllegalStateException("A StringBuilder does not fail", e);
        }
        return text.append('\n').toString();
    }

    private void value(Object value, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("Export values nest deeper than " + MAX_DEPTH + " levels");
        }
        if (value instanceof Optional<?> optional) {
            value = optional.orElse(null);
        }
        if (value == null) {
            out.append("null");
        } else if (value instanceof CharSequence || value instanceof Character || value instanceof Enum<?>
                || value instanceof TemporalAccessor || value instanceof java.util.UUID
                || value instanceof java.time.Duration || value instanceof java.time.Period) {
            string(value instanceof Enum<?> e ? e.name() : value.toString());
        } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long
                || value instanceof Short || value instanceof Byte || value instanceof java.math.BigInteger
                || value instanceof java.math.BigDecimal) {
            out.append(value.toString());
        } else if (value instanceof Number number) {
            double d = number.doubleValue();
            out.append(Double.isFinite(d) ? number.toString() : "null");
        } else if (value instanceof Map<?, ?> map) {
            object(map.entrySet().iterator(), depth);
        } else if (value instanceof Iterable<?> iterable) {
            array(iterable.iterator(), depth);
        } else if (value instanceof Object[] array) {
            array(java.util.Arrays.asList(array).iterator(), depth);
        } else if (value instanceof Record record) {
            record(record, depth);
        } else {
            string(value.toString());
        }
    }

    private void object(Iterator<? extends Map.Entry<?, ?>> entries, int depth) throws IOException {
        if (!entries.hasNext()) {
            out.append("{}");
            return;
        }
        out.append('{');
        boolean first = true;
        while (entries.hasNext()) {
            Map.Entry<?, ?> entry = entries.next();
            out.append(first ? "" : ",");
            first = false;
            newLine(depth + 1);
            string(String.valueOf(entry.getKey()));
            out.append(": ");
            value(entry.getValue(), depth + 1);
        }
        newLine(depth);
        out.append('}');
    }

    private void record(Record record, int depth) throws IOException {
        Map<String, Object> fields = new java.util.LinkedHashMap<>();
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            try {
                java.lang.reflect.Method accessor = component.getAccessor();
                accessor.setAccessible(true);
                fields.put(component.getName(), accessor.invoke(record));
            } catch (IllegalAccessException | InvocationTargetException | RuntimeException e) {
                throw new IllegalArgumentException("Cannot read " + record.getClass().getSimpleName() + "."
                        + component.getName(), e);
            }
        }
        object(fields.entrySet().iterator(), depth);
    }

    private void array(Iterator<?> items, int depth) throws IOException {
        if (!items.hasNext()) {
            out.append("[]");
            return;
        }
        out.append('[');
        boolean first = true;
        while (items.hasNext()) {
            Object item = items.next();
            out.append(first ? "" : ",");
            first = false;
            newLine(depth + 1);
            value(item, depth + 1);
        }
        newLine(depth);
        out.append(']');
    }

    private void newLine(int depth) throws IOException {
        out.append('\n');
        for (int i = 0; i < depth; i++) {
            out.append("  ");
        }
    }

    private void string(String s) throws IOException {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    // Control characters, and the two separators that break JavaScript string literals.
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
