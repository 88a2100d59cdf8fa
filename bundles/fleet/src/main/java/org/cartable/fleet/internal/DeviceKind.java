package org.cartable.fleet.internal;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.cartable.api.CartableException;

/**
 * The kinds of device the fleet knows, each with its own typed attributes (validated here) and what it may contain:
 * a charging trolley holds tablets and laptops, a kit holds its parts. Tablets and laptops are "managed": they go
 * through device management enrolment and web filtering before service; the other kinds go straight to service
 * once delivered or configured (see {@link DeviceState}).
 */
public enum DeviceKind {
    TABLET(true, List.of(AttributeSpec.text("os"), AttributeSpec.pattern("imei", "\\d{15}"),
            AttributeSpec.integer("storageGb", 1, 8192))),
    LAPTOP(true, List.of(AttributeSpec.text("os"), AttributeSpec.text("cpu"), AttributeSpec.integer("ramGb", 1, 1024),
            AttributeSpec.integer("storageGb", 1, 8192))),
    INTERACTIVE_SCREEN(false, List.of(AttributeSpec.integer("sizeInches", 20, 120), AttributeSpec.text("room"))),
    VISIO_KIT(false, List.of(AttributeSpec.text("camera"), AttributeSpec.text("microphone"),
            AttributeSpec.text("speaker"))),
    ROBOT_KIT(false, List.of(AttributeSpec.integer("piecesCount", 1, 100_000), AttributeSpec.text("ageRange"))),
    CHARGING_TROLLEY(false, List.of(AttributeSpec.integer("capacity", 1, 100))),
    OTHER(false, List.of(AttributeSpec.text("description")));

    /** Longest text attribute value. */
    public static final int TEXT_MAX = 200;

    private final boolean managed;
    private final List<AttributeSpec> attributes;

    DeviceKind(boolean managed, List<AttributeSpec> attributes) {
        this.managed = managed;
        this.attributes = attributes;
    }

    /** @return whether the device goes through enrolment in device management and web filtering */
    public boolean managed() {
        return managed;
    }

    public List<AttributeSpec> attributes() {
        return attributes;
    }

    /** @return the kinds a device of this kind may hold (trolley: tablets and laptops; kits: their parts) */
    public Set<DeviceKind> contains() {
        return switch (this) {
            case CHARGING_TROLLEY -> EnumSet.of(TABLET, LAPTOP);
            case VISIO_KIT, ROBOT_KIT -> EnumSet.of(TABLET, LAPTOP, OTHER);
            default -> EnumSet.noneOf(DeviceKind.class);
        };
    }

    /** @return how many devices it may hold, or -1 for no limit */
    public int capacity(Map<String, String> attributes) {
        if (this != CHARGING_TROLLEY || attributes.get("capacity") == null) {
            return -1;
        }
        return Integer.parseInt(attributes.get("capacity"));
    }

    /**
     * @return the attributes, trimmed, without blanks, in declaration order
     * @throws CartableException BAD_REQUEST naming the first unknown or invalid attribute
     */
    public Map<String, String> validate(Map<String, String> given) {
        Map<String, String> valid = new LinkedHashMap<>();
        Map<String, String> input = given == null ? Map.of() : given;
        for (String name : input.keySet()) {
            if (attributes.stream().noneMatch(a -> a.name().equals(name))) {
                throw CartableException.badRequest("Unknown attribute '" + name + "' for a " + name()
                        + "; expected " + attributes.stream().map(AttributeSpec::name).toList() + ".");
            }
        }
        for (AttributeSpec spec : attributes) {
            String value = input.get(spec.name());
            if (value == null || value.isBlank()) {
                continue;
            }
            valid.put(spec.name(), spec.check(value.strip(), this));
        }
        return valid;
    }

    /** A typed attribute of a kind. */
    public record AttributeSpec(String name, Type type, int min, int max, String pattern) {

        public enum Type { TEXT, INTEGER }

        static AttributeSpec text(String name) {
            return new AttributeSpec(name, Type.TEXT, 0, TEXT_MAX, null);
        }

        static AttributeSpec pattern(String name, String pattern) {
            return new AttributeSpec(name, Type.TEXT, 0, TEXT_MAX, pattern);
        }

        static AttributeSpec integer(String name, int min, int max) {
            return new AttributeSpec(name, Type.INTEGER, min, max, null);
        }

        String check(String value, DeviceKind kind) {
            String where = "'" + name + "' of a " + kind.name();
            if (type == Type.INTEGER) {
                int number;
                try {
                    number = Integer.parseInt(value);
                } catch (NumberFormatException e) {
                    throw CartableException.badRequest(where + " must be a whole number, not '" + value + "'.");
                }
                if (number < min || number > max) {
                    throw CartableException.badRequest(where + " must be between " + min + " and " + max + ".");
                }
                return Integer.toString(number);
            }
            if (value.length() > max) {
                throw CartableException.badRequest(where + " is longer than " + max + " characters.");
            }
            if (pattern != null && !value.matches(pattern)) {
                throw CartableException.badRequest(where + " does not match " + pattern + ".");
            }
            return value;
        }
    }
}
