package org.cartable.notebook.internal.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.cartable.api.CartableException;
import org.cartable.notebook.internal.MediaType;

/**
 * The notebooks' files on disk: {@code <root>/<notebookId>/<mediaId>}, both random UUIDs generated here, so no name a
 * user chose ever reaches a path. An upload is written to a temporary file of the notebook's folder and moved into
 * place only once complete, checked and within its limit: a failed upload leaves nothing behind.
 */
public final class MediaStore {

    private static final Pattern UUID_SHAPE = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final String TEMP_PREFIX = ".upload-";

    private final Path root;

    public MediaStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** A file stored: its new id, the type found in its content, its size. */
    public record Stored(String mediaId, String contentType, long size) {
    }

    public Path root() {
        return root;
    }

    /**
     * Stores an upload for a notebook.
     *
     * @param limits the largest size accepted for a content type (the type is known from the first bytes)
     * @throws CartableException UNSUPPORTED_MEDIA_TYPE for content of a type not accepted, PAYLOAD_TOO_LARGE over
     *                           the type's limit, BAD_REQUEST for an empty body
     */
    public Stored store(String notebookId, InputStream content, Function<String, Long> limits) {
        Path folder = folder(notebookId);
        Path temp = null;
        try {
            Files.createDirectories(folder);
            byte[] head = content.readNBytes(MediaType.SNIFF_BYTES);
            if (head.length == 0) {
                throw CartableException.badRequest("The file is empty.");
            }
            String type = MediaType.detect(head, head.length).orElseThrow(() -> CartableException.unsupportedMediaType(
                    "This file is not an accepted picture, sound or video: PNG, JPEG, GIF, WebP, MP3, OGG, WAV, M4A,"
                            + " MP4 or WebM (the type is read from the content, not the name)."));
            long limit = limits.apply(type);
            temp = folder.resolve(TEMP_PREFIX + UUID.randomUUID());
            long size;
            try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW)) {
                out.write(head);
                size = head.length + copyAtMost(content, out, limit - head.length);
            }
            if (size > limit) {
                throw CartableException.payloadTooLarge("The file is larger than " + describe(limit) + ", the limit for "
                        + type + ".");
            }
            String mediaId = UUID.randomUUID().toString();
            move(temp, folder.resolve(mediaId));
            temp = null;
            return new Stored(mediaId, type, size);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store an upload of notebook " + notebookId, e);
        } finally {
            if (temp != null) {
                deleteQuietly(temp);
            }
        }
    }

    /** @return the stored file, if it exists */
    public Optional<Path> file(String notebookId, String mediaId) {
        Path file = folder(notebookId).resolve(checked(mediaId));
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    /** Copies a file of one notebook into another under a new id; returns that id. */
    public String copy(String fromNotebookId, String mediaId, String toNotebookId) {
        Path source = folder(fromNotebookId).resolve(checked(mediaId));
        Path target = folder(toNotebookId);
        String copyId = UUID.randomUUID().toString();
        Path temp = target.resolve(TEMP_PREFIX + UUID.randomUUID());
        try {
            Files.createDirectories(target);
            Files.copy(source, temp);
            move(temp, target.resolve(copyId));
            return copyId;
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new UncheckedIOException("Could not copy media " + mediaId, e);
        }
    }

    /** Writes bytes {@code first..first+length-1} of a stored file. */
    public static void write(Path file, long first, long length, OutputStream out) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            channel.position(first);
            InputStream in = Channels.newInputStream(channel);
            copyAtMost(in, out, length);
        }
    }

    public void delete(String notebookId, String mediaId) {
        deleteQuietly(folder(notebookId).resolve(checked(mediaId)));
    }

    /** Deletes the notebook's folder and every file in it. */
    public void deleteAll(String notebookId) {
        Path folder = folder(notebookId);
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            for (Path file : files) {
                deleteQuietly(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list the files of notebook " + notebookId, e);
        }
        deleteQuietly(folder);
    }

    private Path folder(String notebookId) {
        Path folder = root.resolve(checked(notebookId)).normalize();
        if (!folder.getParent().equals(root)) {
            throw new IllegalArgumentException("Not a notebook folder: " + notebookId);
        }
        return folder;
    }

    /* Ids come from our database, but a path is built from them: refuse anything but our own UUID shape. */
    private static String checked(String id) {
        if (id == null || !UUID_SHAPE.matcher(id).matches()) {
            throw CartableException.notFound("File not found.");
        }
        return id;
    }

    /** @return bytes copied; stops after {@code max + 1} so that the caller sees a body over its limit */
    private static long copyAtMost(InputStream in, OutputStream out, long max) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long copied = 0;
        while (copied <= max) {
            int wanted = (int) Math.min(buffer.length, max - copied + 1);
            int n = in.read(buffer, 0, wanted);
            if (n < 0) {
                break;
            }
            out.write(buffer, 0, (int) Math.min(n, Math.max(0, max - copied)));
            copied += n;
        }
        return copied;
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (NoSuchFileException gone) {
            // already gone
        } catch (IOException e) {
            // a file we cannot delete now is only disk space; the notebook's folder goes with the notebook
        }
    }

    static String describe(long bytes) {
        long mebibyte = 1024 * 1024;
        return bytes % mebibyte == 0 ? bytes / mebibyte + " MiB" : bytes + " bytes";
    }
}
