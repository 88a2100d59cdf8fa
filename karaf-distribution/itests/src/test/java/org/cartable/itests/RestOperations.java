package org.cartable.itests;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The REST operations the running distribution serves, read from the JAX-RS annotations of the Cartable bundles in
 * its {@code system/} folder (the very jars Karaf installed), so that a new app or endpoint is covered without
 * touching a list. Classes are read with ASM, never loaded: their OSGi-only dependencies are not on the test
 * classpath.
 * <p>
 * Three kinds of resource: platform resources (class-level {@code @Path}, under {@code /api}), class-app resources
 * ({@code ClassAppResource}, under {@code /api/classes/{classId}/<appId>}) and tool resources ({@code AppResource},
 * under {@code /api/tools/<appId>}); the app id is the constant that {@code appId()} returns.
 */
final class RestOperations {

    static final String CLASS_APP = "org/cartable/api/rest/ClassAppResource";
    static final String TOOL_APP = "org/cartable/api/rest/AppResource";
    private static final Set<String> VERBS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");

    /** One HTTP operation: {@code template} is the full path with {@code {name}} placeholders. */
    record Operation(String verb, String template, String kind, String appId, boolean consumesJson,
                     List<String> consumes, List<String> pathParams, List<String> queryParams, String javaMethod) {

        boolean isWrite() {
            return !verb.equals("GET");
        }

        @Override
        public String toString() {
            return verb + " " + template;
        }
    }

    private RestOperations() {
    }

    /** Every operation of every {@code org/cartable} bundle jar under the Karaf home's {@code system/} folder. */
    static List<Operation> discover(Path karafHome) {
        Path cartable = karafHome.resolve("system/org/cartable");
        List<Operation> operations = new ArrayList<>();
        try (Stream<Path> jars = Files.walk(cartable)) {
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                operations.addAll(read(jar));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the bundles under " + cartable, e);
        }
        operations.sort(Comparator.comparing(Operation::template).thenComparing(Operation::verb));
        return operations;
    }

    private static List<Operation> read(Path jar) throws IOException {
        List<Operation> operations = new ArrayList<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            for (JarEntry entry : file.stream().filter(e -> e.getName().endsWith(".class")).toList()) {
                try (InputStream in = file.getInputStream(entry)) {
                    ResourceClass resource = new ResourceClass();
                    new ClassReader(in).accept(resource, ClassReader.SKIP_FRAMES);
                    operations.addAll(resource.operations());
                }
            }
        }
        return operations;
    }

    /** Collects what one class file says about JAX-RS. */
    private static final class ResourceClass extends ClassVisitor {
        private String classPath;
        private boolean classApp;
        private boolean toolApp;
        private String appId;
        private final List<MethodInfo> methods = new ArrayList<>();

        ResourceClass() {
            super(Opcodes.ASM9);
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
            for (String i : interfaces == null ? new String[0] : interfaces) {
                classApp |= i.equals(CLASS_APP);
                toolApp |= i.equals(TOOL_APP);
            }
        }

        @Override
        public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
            if (descriptor.equals("Ljavax/ws/rs/Path;")) {
                return new ValueVisitor(value -> classPath = value);
            }
            return null;
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
            if (name.equals("appId") && descriptor.equals("()Ljava/lang/String;")) {
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitLdcInsn(Object value) {
                        if (value instanceof String s && appId == null) {
                            appId = s;
                        }
                    }
                };
            }
            if ((access & Opcodes.ACC_PUBLIC) == 0) {
                return null;
            }
            MethodInfo method = new MethodInfo(name);
            methods.add(method);
            return method;
        }

        List<Operation> operations() {
            String base;
            String kind;
            if (classApp && appId != null) {
                base = "/api/classes/{classId}/" + appId;
                kind = "class-app";
            } else if (toolApp && appId != null) {
                base = "/api/tools/" + appId;
                kind = "tool";
            } else if (classPath != null) {
                base = "/api/" + strip(classPath);
                kind = "platform";
            } else {
                return List.of();
            }
            List<Operation> operations = new ArrayList<>();
            for (MethodInfo m : methods) {
                if (m.verb == null) {
                    continue; // a sub-resource locator (the dispatchers) or a plain method
                }
                String template = m.path == null || strip(m.path).isEmpty() ? base : base + "/" + strip(m.path);
                Set<String> pathParams = new LinkedHashSet<>();
                java.util.regex.Matcher names = java.util.regex.Pattern.compile("\\{([^}:]+)").matcher(template);
                while (names.find()) {
                    pathParams.add(names.group(1));
                }
                operations.add(new Operation(m.verb, template, kind, appId, m.consumesJson, List.copyOf(m.consumes),
                        List.copyOf(pathParams), List.copyOf(m.queryParams), m.name));
            }
            return operations;
        }

        private static String strip(String path) {
            String p = path.startsWith("/") ? path.substring(1) : path;
            return p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
        }
    }

    private static final class MethodInfo extends MethodVisitor {
        final String name;
        String verb;
        String path;
        boolean consumesJson;
        final List<String> consumes = new ArrayList<>();
        final List<String> queryParams = new ArrayList<>();

        MethodInfo(String name) {
            super(Opcodes.ASM9);
            this.name = name;
        }

        @Override
        public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
            String simple = descriptor.substring(descriptor.lastIndexOf('/') + 1, descriptor.length() - 1);
            if (descriptor.startsWith("Ljavax/ws/rs/") && VERBS.contains(simple)) {
                verb = simple;
                return null;
            }
            return switch (descriptor) {
                case "Ljavax/ws/rs/Path;" -> new ValueVisitor(value -> path = value);
                case "Ljavax/ws/rs/Consumes;" -> new ValueVisitor(value -> {
                    consumes.add(value);
                    consumesJson |= value.contains("json");
                });
                default -> null;
            };
        }

        @Override
        public AnnotationVisitor visitParameterAnnotation(int parameter, String descriptor, boolean visible) {
            if (descriptor.equals("Ljavax/ws/rs/QueryParam;")) {
                return new ValueVisitor(queryParams::add);
            }
            return null;
        }
    }

    /** Reads the {@code value} element of an annotation, whether a single string or an array of strings. */
    private static final class ValueVisitor extends AnnotationVisitor {
        private final java.util.function.Consumer<String> sink;

        ValueVisitor(java.util.function.Consumer<String> sink) {
            super(Opcodes.ASM9);
            this.sink = sink;
        }

        @Override
        public void visit(String name, Object value) {
            if (value instanceof String s) {
                sink.accept(s);
            }
        }

        @Override
        public AnnotationVisitor visitArray(String name) {
            return this;
        }
    }
}
