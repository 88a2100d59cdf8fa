package org.cartable.core.internal.privacy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.cartable.api.privacy.PersonalDataSink;

/** One ZIP of a person's data; each app writes through its own {@link #folder(String) folder}. */
final class ZipSink implements AutoCloseable {

    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._-]");
    private static final int MAX_NAME = 120;

    private final ZipOutputStream zip;
    private final Set<String> names = new HashSet<>();

    ZipSink(java.io.OutputStream out) {
        this.zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
    }

    /** @return a sink writing under {@code <folder>/} */
    PersonalDataSink folder(String folder) {
        String prefix = safe(folder) + "/";
        return new PersonalDataSink() {
            @Override
            public void json(String name, Object value) throws IOException {
                text(prefix + safe(name) + ".json", Json.write(value));
            }

            @Override
            public void file(String name, InputStream content) throws IOException {
                entry(prefix + "files/" + safe(name));
                content.transferTo(zip);
                zip.closeEntry();
            }
        };
    }

    void text(String path, String text) throws IOException {
        entry(path);
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    /** Names come from apps and users: one path segment of safe characters, never "." or "..", never twice. */
    static String safe(String name) {
        String cleaned = UNSAFE.matcher(name == null ? "" : name).replaceAll("_");
        while (cleaned.startsWith(".")) {
            cleaned = "_" + cleaned.substring(1);
        }
        if (cleaned.isEmpty()) {
            cleaned = "_";
        }
        return cleaned.length() > MAX_NAME ? cleaned.substring(cleaned.length() - MAX_NAME) : cleaned;
    }

    private void entry(String path) throws IOException {
        String unique = path;
        for (int n = 2; !names.add(unique); n++) {
            int dot = path.lastIndexOf('.');
            int slash = path.lastIndexOf('/');
            unique = dot > slash ? path.substring(0, dot) + "-" + n + path.substring(dot) : path + "-" + n;
        }
        zip.putNextEntry(new ZipEntry(unique));
    }

    @Override
    public void close() throws IOException {
        zip.finish();
        zip.flush();
    }
}
