package org.cartable.rest.internal.operations;

import java.io.InputStream;
import java.io.Reader;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.ws.rs.BeanParam;
import javax.ws.rs.Consumes;
import javax.ws.rs.CookieParam;
import javax.ws.rs.FormParam;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.HttpMethod;
import javax.ws.rs.MatrixParam;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.QueryParam;
import javax.ws.rs.container.Suspended;
import javax.ws.rs.core.Context;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Lists the operations of JAX-RS resources by reflection, the way JAX-RS matches them: class {@code @Path} of a root
 * resource, methods with an HTTP method annotation, sub-resource locators followed into their return type or, for
 * {@link SubResourceRoutes}, into every resource of their table.
 */
public final class OperationScanner {

    private static final Pattern TEMPLATE_VARIABLE = Pattern.compile("\\{\\s*([\\w.-]+)\\s*(?::[^{}]*(?:\\{[^{}]*}[^{}]*)*)?}");
    private static final Set<Class<? extends Annotation>> NOT_BODY = Set.of(PathParam.class, QueryParam.class,
            HeaderParam.class, CookieParam.class, MatrixParam.class, FormParam.class, BeanParam.class, Context.class,
            Suspended.class);
    /** Bounds locator recursion: a locator returning its own class would otherwise loop. */
    private static final int MAX_DEPTH = 8;

    private final String base;
    private final List<Operation> found = new ArrayList<>();

    /** @param base path of the JAX-RS application, e.g. {@code /api} */
    public OperationScanner(String base) {
        this.base = base;
    }

    /** Adds the operations of a root resource (its class carries {@code @Path}); others are ignored. */
    public OperationScanner addRoot(Object resource) {
        Path root = resource.getClass().getAnnotation(Path.class);
        if (root != null) {
            scan(resource.getClass(), resource, join(base, root.value()), Operation.Kind.PLATFORM, null, 0);
        }
        return this;
    }

    /** @return every operation found, sorted by path then method, without duplicates */
    public List<Operation> operations() {
        Map<String, Operation> unique = new TreeMap<>();
        for (Operation operation : found) {
            unique.putIfAbsent(operation.path() + " " + operation.method(), operation);
        }
        List<Operation> sorted = new ArrayList<>(unique.values());
        sorted.sort(Comparator.comparing(Operation::path).thenComparing(Operation::method));
        return sorted;
    }

    private void scan(Class<?> type, Object instance, String prefix, Operation.Kind kind, String appId, int depth) {
        if (depth > MAX_DEPTH) {
            return;
        }
        Consumes classConsumes = type.getAnnotation(Consumes.class);
        for (Method method : type.getMethods()) {
            if (method.isBridge() || method.isSynthetic() || Modifier.isStatic(method.getModifiers())) {
                continue;
            }
            Method annotated = annotatedVersion(method);
            if (annotated == null) {
                continue;
            }
            String httpMethod = httpMethod(annotated);
            Path path = annotated.getAnnotation(Path.class);
            String full = path == null ? prefix : join(prefix, path.value());
            if (httpMethod != null) {
                found.add(operation(httpMethod, full, kind, appId, annotated, classConsumes, type));
            } else if (path != null) {
                if (instance instanceof SubResourceRoutes routes && routes.locator().equals(method.getName())) {
                    for (Map.Entry<String, Object> route : new TreeMap<>(routes.routes()).entrySet()) {
                        String filled = join(prefix, TEMPLATE_VARIABLE.matcher(path.value()).replaceFirst(
                                Matcher.quoteReplacement(route.getKey())));
                        Object target = route.getValue();
                        scan(target.getClass(), target, filled, routes.kind(), route.getKey(), depth + 1);
                    }
                } else if (method.getReturnType() != Object.class && !method.getReturnType().isInterface()) {
                    scan(method.getReturnType(), null, full, kind, appId, depth + 1);
                }
            }
        }
    }

    private static Operation operation(String httpMethod, String path, Operation.Kind kind, String appId,
                                       Method method, Consumes classConsumes, Class<?> type) {
        List<String> query = new ArrayList<>();
        Operation.Body body = null;
        for (Parameter parameter : method.getParameters()) {
            QueryParam queryParam = parameter.getAnnotation(QueryParam.class);
            if (queryParam != null) {
                query.add(queryParam.value());
            }
            if (Arrays.stream(parameter.getAnnotations()).noneMatch(a -> NOT_BODY.contains(a.annotationType()))) {
                body = body(parameter.getType());
            }
        }
        Consumes consumes = method.getAnnotation(Consumes.class) != null ? method.getAnnotation(Consumes.class)
                : classConsumes;
        return new Operation(httpMethod, path, kind, appId, pathParams(path), List.copyOf(query),
                consumes == null ? List.of() : List.of(consumes.value()), body,
                type.getSimpleName() + "." + method.getName());
    }

    static Operation.Body body(Class<?> type) {
        boolean raw = InputStream.class.isAssignableFrom(type) || Reader.class.isAssignableFrom(type)
                || type == byte[].class || type == String.class;
        List<Operation.Field> fields = new ArrayList<>();
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                JsonProperty renamed = component.getAccessor().getAnnotation(JsonProperty.class);
                String name = renamed != null && !renamed.value().isEmpty() ? renamed.value() : component.getName();
                List<String> values = component.getType().isEnum()
                        ? Arrays.stream(component.getType().getEnumConstants()).map(String::valueOf).toList()
                        : List.of();
                fields.add(new Operation.Field(name, typeName(component.getGenericType().getTypeName()), values));
            }
        }
        return new Operation.Body(type.getSimpleName(), raw, List.copyOf(fields));
    }

    /** {@code java.util.List<org.x.Y>} → {@code List<Y>}. */
    private static String typeName(String javaName) {
        return javaName.replaceAll("[\\w$]+[.$]", "");
    }

    /**
     * JAX-RS annotations may sit on the method an implementation overrides (interface or superclass) when the
     * implementation carries none.
     */
    private static Method annotatedVersion(Method method) {
        if (isJaxrs(method)) {
            return method;
        }
        Set<Class<?>> seen = new HashSet<>();
        List<Class<?>> todo = new ArrayList<>(List.of(method.getDeclaringClass().getInterfaces()));
        if (method.getDeclaringClass().getSuperclass() != null) {
            todo.add(method.getDeclaringClass().getSuperclass());
        }
        while (!todo.isEmpty()) {
            Class<?> candidate = todo.remove(0);
            if (!seen.add(candidate)) {
                continue;
            }
            try {
                Method inherited = candidate.getMethod(method.getName(), method.getParameterTypes());
                if (isJaxrs(inherited)) {
                    return inherited;
                }
            } catch (NoSuchMethodException ignored) {
                // not declared there: look further up
            }
            todo.addAll(List.of(candidate.getInterfaces()));
            if (candidate.getSuperclass() != null) {
                todo.add(candidate.getSuperclass());
            }
        }
        return null;
    }

    private static boolean isJaxrs(Method method) {
        return method.getAnnotation(Path.class) != null || httpMethod(method) != null;
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    static List<String> pathParams(String template) {
        List<String> names = new ArrayList<>();
        Matcher matcher = TEMPLATE_VARIABLE.matcher(template);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return List.copyOf(names);
    }

    /** Joins path pieces with single slashes and drops template regexes: {@code {id: [0-9]+}} → {@code {id}}. */
    static String join(String prefix, String path) {
        String joined = (prefix + "/" + path).replaceAll("/+", "/");
        if (joined.length() > 1 && joined.endsWith("/")) {
            joined = joined.substring(0, joined.length() - 1);
        }
        return TEMPLATE_VARIABLE.matcher(joined).replaceAll(m -> Matcher.quoteReplacement("{" + m.group(1) + "}"));
    }
}
