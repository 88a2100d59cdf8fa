package org.cartable.core.internal.apps;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.cartable.core.service.AppStatus;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;

/**
 * The health of an app, read from what Declarative Services knows about the components of the app's bundle. The
 * app's descriptor ({@code CartableApp}) is a component of its own, so it can be up while the service holding the
 * app's rules failed (e.g. its Liquibase migration threw): the catalogue must then say so, with the reason.
 */
final class AppHealth {

    /** Problems longer than this are cut: the catalogue shows one line, the log has the stack trace. */
    static final int PROBLEM_MAX = 400;

    /** Wrappers that say nothing about the cause: the reason is further down their stack trace. */
    private static final Set<String> WRAPPERS = Set.of(
            "java.lang.reflect.InvocationTargetException",
            "org.osgi.service.component.ComponentException",
            "java.lang.reflect.UndeclaredThrowableException");

    private static final java.util.regex.Pattern NESTED_TYPES =
            java.util.regex.Pattern.compile("\\b(?:[a-z]\\w*\\.)+[A-Z]\\w*(?:Exception|Error): ");

    record Verdict(AppStatus status, String problem) {
        static final Verdict ACTIVE = new Verdict(AppStatus.ACTIVE, null);
    }

    private AppHealth() {
    }

    /**
     * @param components     the components declared by the app's bundle
     * @param configurations the current configurations of a component
     * @return FAILED if a component failed to activate, else WAITING if an enabled component misses a mandatory
     *         service, else ACTIVE
     */
    static Verdict of(Collection<ComponentDescriptionDTO> components,
                      Function<ComponentDescriptionDTO, Collection<ComponentConfigurationDTO>> configurations) {
        List<String> failed = new ArrayList<>();
        List<String> waiting = new ArrayList<>();
        for (ComponentDescriptionDTO component : components) {
            if (!component.defaultEnabled) {
                continue; // switched off on purpose
            }
            for (ComponentConfigurationDTO configuration : configurations.apply(component)) {
                if (configuration.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
                    failed.add(shortName(component.name) + ": " + reason(configuration.failure));
                } else if (configuration.state == ComponentConfigurationDTO.UNSATISFIED_REFERENCE) {
                    waiting.add(shortName(component.name) + " waits for "
                            + String.join(", ", missing(configuration.unsatisfiedReferences)));
                }
            }
        }
        if (!failed.isEmpty()) {
            return new Verdict(AppStatus.FAILED, cut(String.join(" | ", failed)));
        }
        if (!waiting.isEmpty()) {
            return new Verdict(AppStatus.WAITING, cut(String.join(" | ", waiting)));
        }
        return Verdict.ACTIVE;
    }

    /** "org.cartable.blog.internal.BlogService" → "BlogService" */
    static String shortName(String componentName) {
        return componentName == null ? "?" : componentName.substring(componentName.lastIndexOf('.') + 1);
    }

    private static List<String> missing(UnsatisfiedReferenceDTO[] references) {
        if (references == null || references.length == 0) {
            return List.of("a service");
        }
        return Arrays.stream(references)
                .map(r -> r.target == null || r.target.isBlank() ? r.name : r.name + " " + r.target)
                .toList();
    }

    /**
     * The most telling lines of a failure's stack trace: the first exception in the cause chain that is not a mere
     * wrapper, as "SimpleName: message", and the root cause when it is another one (often the database's own words).
     */
    static String reason(String failure) {
        if (failure == null || failure.isBlank()) {
            return "activation failed (no reason given)";
        }
        List<String> chain = new ArrayList<>();
        List<String> types = new ArrayList<>();
        for (String raw : failure.split("\\R")) {
            String line = raw.strip();
            if (line.startsWith("at ") || line.startsWith("...") || line.isEmpty()) {
                continue;
            }
            if (line.startsWith("Caused by: ")) {
                line = line.substring("Caused by: ".length());
            }
            int colon = line.indexOf(": ");
            String type = colon < 0 ? line : line.substring(0, colon);
            if (!type.matches("[\\w.$]+") || !type.contains(".")) {
                continue; // a continuation line of a multi-line message
            }
            types.add(type);
            // messages that repeat their causes' class names ("a.b.XException: a.b.YException: text") read as "text"
            String message = colon < 0 ? "" : NESTED_TYPES.matcher(line.substring(colon + 2)).replaceAll("");
            chain.add(simpleName(type) + (colon < 0 ? "" : ": " + message));
        }
        if (chain.isEmpty()) {
            return failure.strip().lines().findFirst().orElse("");
        }
        int headline = 0;
        while (headline < chain.size() - 1 && WRAPPERS.contains(types.get(headline))) {
            headline++;
        }
        String shown = chain.get(headline);
        String root = chain.get(chain.size() - 1);
        if (headline == chain.size() - 1) {
            return shown;
        }
        return shorten(shown, PROBLEM_MAX / 2) + " | root cause: " + root;
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static String simpleName(String type) {
        return type.substring(type.lastIndexOf('.') + 1);
    }

    private static String cut(String text) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() <= PROBLEM_MAX ? line : line.substring(0, PROBLEM_MAX - 1) + "…";
    }
}
