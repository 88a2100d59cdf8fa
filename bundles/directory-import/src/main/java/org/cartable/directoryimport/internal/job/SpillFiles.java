package org.cartable.directoryimport.internal.job;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.cartable.api.Grade;
import org.cartable.directoryimport.internal.format.GuardianRecord;
import org.cartable.directoryimport.internal.format.LineRef;
import org.cartable.directoryimport.internal.format.PupilRecord;

/**
 * Records spilled to temporary files, one file per key (a school), so that a file's records are not all held in
 * memory: they are appended as the formats stream them and read back one school at a time. At most
 * {@link #MAX_OPEN} files are open at once (a department has hundreds of schools; files sorted by school touch them
 * one after the other, unsorted ones reopen them in append mode).
 */
final class SpillFiles implements AutoCloseable {

    static final int MAX_OPEN = 32;
    private static final byte PUPIL = 1;
    private static final byte GUARDIAN = 2;

    private final Path dir;
    private final Map<String, Path> files = new LinkedHashMap<>();
    private final LinkedHashMap<String, DataOutputStream> open = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, DataOutputStream> eldest) {
            if (size() > MAX_OPEN) {
                closeQuietly(eldest.getValue());
                return true;
            }
            return false;
        }
    };

    SpillFiles(Path dir) {
        this.dir = dir;
        try {
            deleteTree(dir);
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void add(String key, PupilRecord p) {
        try {
            DataOutputStream out = out(key);
            out.writeByte(PUPIL);
            writeLine(out, p.line());
            writeString(out, p.uai());
            writeString(out, p.schoolName());
            writeString(out, p.className());
            out.writeInt(p.grades().size());
            for (Grade grade : p.grades()) {
                out.writeByte(grade.ordinal());
            }
            writeString(out, p.externalId());
            writeString(out, p.firstName());
            writeString(out, p.lastName());
            out.writeLong(p.birthDate() == null ? Long.MIN_VALUE : p.birthDate().toEpochDay());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void add(String key, GuardianRecord g) {
        try {
            DataOutputStream out = out(key);
            out.writeByte(GUARDIAN);
            writeLine(out, g.line());
            writeString(out, g.externalId());
            writeString(out, g.firstName());
            writeString(out, g.lastName());
            writeString(out, g.relationship());
            writeString(out, g.email());
            writeString(out, g.phone());
            out.writeInt(g.pupilIds().size());
            for (String id : g.pupilIds()) {
                writeString(out, id);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The keys that received records, in the order they first did. */
    Set<String> keys() {
        return files.keySet();
    }

    /** Streams back the key's records, in the order they were added, then deletes its file. */
    void drain(String key, Consumer<PupilRecord> pupils, Consumer<GuardianRecord> guardians) {
        Path file = files.get(key);
        if (file == null) {
            return;
        }
        DataOutputStream out = open.remove(key);
        try {
            if (out != null) {
                out.close();
            }
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file),
                    64 * 1024))) {
                while (true) {
                    int type;
                    try {
                        type = in.readByte();
                    } catch (EOFException end) {
                        break;
                    }
                    if (type == PUPIL) {
                        pupils.accept(readPupil(in));
                    } else {
                        guardians.accept(readGuardian(in));
                    }
                }
            }
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PupilRecord readPupil(DataInputStream in) throws IOException {
        LineRef line = readLine(in);
        String uai = readString(in);
        String schoolName = readString(in);
        String className = readString(in);
        int gradeCount = in.readInt();
        Set<Grade> grades = EnumSet.noneOf(Grade.class);
        for (int i = 0; i < gradeCount; i++) {
            grades.add(Grade.values()[in.readByte()]);
        }
        String externalId = readString(in);
        String firstName = readString(in);
        String lastName = readString(in);
        long day = in.readLong();
        return new PupilRecord(line, uai, schoolName, className, grades, externalId, firstName, lastName,
                day == Long.MIN_VALUE ? null : LocalDate.ofEpochDay(day));
    }

    private static GuardianRecord readGuardian(DataInputStream in) throws IOException {
        LineRef line = readLine(in);
        String externalId = readString(in);
        String firstName = readString(in);
        String lastName = readString(in);
        String relationship = readString(in);
        String email = readString(in);
        String phone = readString(in);
        int count = in.readInt();
        List<String> pupilIds = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            pupilIds.add(readString(in));
        }
        return new GuardianRecord(line, externalId, firstName, lastName, relationship, email, phone, pupilIds);
    }

    private DataOutputStream out(String key) throws IOException {
        DataOutputStream out = open.get(key);
        if (out == null) {
            Path file = files.computeIfAbsent(key, k -> dir.resolve(files.size() + ".bin"));
            out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file,
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND), 16 * 1024));
            open.put(key, out);
        }
        return out;
    }

    private static void writeLine(DataOutputStream out, LineRef line) throws IOException {
        writeString(out, line.file());
        out.writeLong(line.number());
    }

    private static LineRef readLine(DataInputStream in) throws IOException {
        return new LineRef(readString(in), in.readLong());
    }

    /** Length-prefixed UTF-8 (writeUTF stops at 64 KB); -1 for null. */
    private static void writeString(DataOutputStream out, String value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readString(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        Iterator<DataOutputStream> outs = open.values().iterator();
        while (outs.hasNext()) {
            closeQuietly(outs.next());
            outs.remove();
        }
        try {
            deleteTree(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void closeQuietly(DataOutputStream out) {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
