package org.cartable.notebook.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.cartable.notebook.internal.demo.DemoPicture;

/** Files of each accepted type, reduced to what makes them recognisable, padded to the size a test wants. */
public final class Samples {

    private Samples() {
    }

    public static byte[] png() {
        return DemoPicture.landscape(16, 12);
    }

    public static byte[] wav(int size) {
        byte[] head = "RIFF\0\0\0\0WAVEfmt ".getBytes(StandardCharsets.ISO_8859_1);
        return Arrays.copyOf(head, Math.max(size, head.length));
    }

    public static byte[] mp3(int size) {
        byte[] head = {'I', 'D', '3', 4, 0, 0, 0, 0, 0, 0};
        return Arrays.copyOf(head, Math.max(size, head.length));
    }

    public static byte[] mp4(int size) {
        byte[] head = {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 2, 0};
        return Arrays.copyOf(head, Math.max(size, head.length));
    }

    public static byte[] html() {
        return "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"
                .getBytes(StandardCharsets.UTF_8);
    }
}
