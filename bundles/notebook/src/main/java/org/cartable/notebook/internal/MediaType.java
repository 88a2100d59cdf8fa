package org.cartable.notebook.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * Recognises the accepted file types by their first bytes ("magic numbers"), never by a name or a declared type: a
 * page of HTML called "cat.png" is no picture. Anything not recognised is refused, so nothing the browser could run
 * (HTML, SVG, scripts) is ever stored.
 */
public final class MediaType {

    /** How many first bytes {@link #detect} needs at most. */
    public static final int SNIFF_BYTES = 64;

    private static final Map<String, String> EXTENSIONS = Map.ofEntries(
            Map.entry("image/png", ".png"), Map.entry("image/jpeg", ".jpg"), Map.entry("image/gif", ".gif"),
            Map.entry("image/webp", ".webp"), Map.entry("audio/mpeg", ".mp3"), Map.entry("audio/ogg", ".ogg"),
            Map.entry("audio/wav", ".wav"), Map.entry("audio/mp4", ".m4a"), Map.entry("video/mp4", ".mp4"),
            Map.entry("video/webm", ".webm"));

    private MediaType() {
    }

    /** @return the content type of the content that starts with these bytes, if it is one we accept */
    public static Optional<String> detect(byte[] head, int length) {
        byte[] b = Arrays.copyOf(head, Math.min(length, head.length));
        if (startsWith(b, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of("image/png");
        }
        if (startsWith(b, 0, 0xFF, 0xD8, 0xFF)) {
            return Optional.of("image/jpeg");
        }
        if (ascii(b, 0, "GIF87a") || ascii(b, 0, "GIF89a")) {
            return Optional.of("image/gif");
        }
        if (ascii(b, 0, "RIFF") && ascii(b, 8, "WEBP")) {
            return Optional.of("image/webp");
        }
        if (ascii(b, 0, "RIFF") && ascii(b, 8, "WAVE")) {
            return Optional.of("audio/wav");
        }
        if (ascii(b, 0, "OggS")) {
            return Optional.of("audio/ogg");
        }
        if (ascii(b, 0, "ID3") || isMpegAudioFrame(b)) {
            return Optional.of("audio/mpeg");
        }
        if (ascii(b, 4, "ftyp")) {
            // the major brand tells sound-only files (iTunes' M4A/M4B) from videos (isom, mp41, mp42, avc1, ...)
            if (ascii(b, 8, "M4A ") || ascii(b, 8, "M4B ")) {
                return Optional.of("audio/mp4");
            }
            return ascii(b, 8, "qt  ") ? Optional.empty() : Optional.of("video/mp4");
        }
        if (startsWith(b, 0, 0x1A, 0x45, 0xDF, 0xA3) && contains(b, "webm")) {
            return Optional.of("video/webm");
        }
        return Optional.empty();
    }

    /** @return the kind of box that shows this content type */
    public static BoxKind kindOf(String contentType) {
        if (contentType.startsWith("image/")) {
            return BoxKind.IMAGE;
        }
        return contentType.startsWith("audio/") ? BoxKind.AUDIO : BoxKind.VIDEO;
    }

    /** @return the usual extension of the type, with its dot (".bin" for an unknown one) */
    public static String extensionOf(String contentType) {
        return EXTENSIONS.getOrDefault(contentType, ".bin");
    }

    /* An MPEG audio frame header: 11 sync bits, a known version and a layer (00 is reserved: ADTS AAC uses it). */
    private static boolean isMpegAudioFrame(byte[] b) {
        return b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xE0) == 0xE0 && (b[1] & 0x18) != 0x08
                && (b[1] & 0x06) != 0 && (b[2] & 0xF0) != 0xF0;
    }

    private static boolean startsWith(byte[] b, int offset, int... expected) {
        if (b.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((b[offset + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean ascii(byte[] b, int offset, String expected) {
        byte[] bytes = expected.getBytes(StandardCharsets.US_ASCII);
        return b.length >= offset + bytes.length
                && Arrays.equals(b, offset, offset + bytes.length, bytes, 0, bytes.length);
    }

    private static boolean contains(byte[] b, String text) {
        return new String(b, StandardCharsets.ISO_8859_1).contains(text);
    }
}
