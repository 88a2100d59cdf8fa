package org.cartable.rest.internal.json;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

/**
 * java.time values as ISO-8601 strings ({@code 2026-11-29T09:30:00Z}, {@code 2026-11-29}), in and out.
 * <p>
 * Karaf's CXF feature ships Jackson without {@code jackson-datatype-jsr310}; a few serializers here save a runtime
 * bundle. Offsets are kept as given; zone ids are dropped on output (ISO-8601 has no syntax for them).
 */
final class IsoTimeModule extends SimpleModule {

    private static final long serialVersionUID = 1L;

    IsoTimeModule() {
        super("cartable-iso-time");
        add(Instant.class, Instant::toString, text -> OffsetDateTime.parse(text).toInstant());
        add(OffsetDateTime.class, DateTimeFormatter.ISO_OFFSET_DATE_TIME::format, OffsetDateTime::parse);
        add(LocalDate.class, LocalDate::toString, LocalDate::parse);
        add(LocalDateTime.class, LocalDateTime::toString, LocalDateTime::parse);
        add(LocalTime.class, LocalTime::toString, LocalTime::parse);
        addSerializer(ZonedDateTime.class, new IsoSerializer<>(ZonedDateTime.class,
                DateTimeFormatter.ISO_OFFSET_DATE_TIME::format));
    }

    private <T> void add(Class<T> type, Function<T, String> format, Function<String, T> parse) {
        addSerializer(type, new IsoSerializer<>(type, format));
        addDeserializer(type, new IsoDeserializer<>(type, parse));
    }

    private static final class IsoSerializer<T> extends StdSerializer<T> {

        private static final long serialVersionUID = 1L;
        private final transient Function<T, String> format;

        IsoSerializer(Class<T> type, Function<T, String> format) {
            super(type);
            this.format = format;
        }

        @Override
        public void serialize(T value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeString(format.apply(value));
        }
    }

    private static final class IsoDeserializer<T> extends StdScalarDeserializer<T> {

        private static final long serialVersionUID = 1L;
        private final transient Function<String, T> parse;

        IsoDeserializer(Class<T> type, Function<String, T> parse) {
            super(type);
            this.parse = parse;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (T) context.handleUnexpectedToken(handledType(), parser);
            }
            String text = parser.getText().trim();
            try {
                return parse.apply(text);
            } catch (DateTimeParseException e) {
                return (T) context.handleWeirdStringValue(handledType(), text, "not an ISO-8601 value");
            }
        }
    }
}
