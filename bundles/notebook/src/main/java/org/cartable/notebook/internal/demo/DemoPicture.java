package org.cartable.notebook.internal.demo;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;

/**
 * A small landscape drawn in code (sky, sun, hills, a school) and encoded as PNG by hand, so the demo ships no binary
 * and needs no imaging library.
 */
public final class DemoPicture {

    private DemoPicture() {
    }

    /** @return a {@code width}×{@code height} PNG */
    public static byte[] landscape(int width, int height) {
        byte[] pixels = new byte[height * (1 + width * 3)];
        int i = 0;
        for (int y = 0; y < height; y++) {
            pixels[i++] = 0; // no filter
            for (int x = 0; x < width; x++) {
                int rgb = color(x, y, width, height);
                pixels[i++] = (byte) (rgb >> 16);
                pixels[i++] = (byte) (rgb >> 8);
                pixels[i++] = (byte) rgb;
            }
        }
        try {
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            png.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
            ByteArrayOutputStream header = new ByteArrayOutputStream();
            DataOutputStream h = new DataOutputStream(header);
            h.writeInt(width);
            h.writeInt(height);
            h.write(new byte[] {8, 2, 0, 0, 0}); // 8 bits, RGB, deflate, no filter method, no interlace
            chunk(png, "IHDR", header.toByteArray());
            ByteArrayOutputStream data = new ByteArrayOutputStream();
            try (DeflaterOutputStream deflate = new DeflaterOutputStream(data)) {
                deflate.write(pixels);
            }
            chunk(png, "IDAT", data.toByteArray());
            chunk(png, "IEND", new byte[0]);
            return png.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int color(int x, int y, int width, int height) {
        double u = (double) x / width;
        double v = (double) y / height;
        double sunX = u - 0.78;
        double sunY = v - 0.22;
        if (sunX * sunX + sunY * sunY < 0.012) {
            return 0xF4B400;
        }
        boolean school = u > 0.25 && u < 0.5 && v > 0.45 && v < 0.75;
        boolean roof = u > 0.22 && u < 0.53 && v > 0.35 && v <= 0.45 && v > 0.45 - (0.1 - Math.abs(u - 0.375) * 0.65);
        if (roof) {
            return 0xB3261E;
        }
        if (school) {
            boolean window = ((int) (u * 40)) % 3 == 1 && v > 0.5 && v < 0.62;
            boolean door = u > 0.35 && u < 0.4 && v > 0.62;
            return window || door ? 0x2C6E9B : 0xF5E6C8;
        }
        double hill = 0.7 + 0.08 * Math.sin(u * 7.0);
        if (v > hill) {
            return v > 0.9 ? 0x2E7D32 : 0x43A047;
        }
        int blue = (int) (200 + 55 * (1 - v));
        return (135 << 16) | (190 << 8) | Math.min(255, blue);
    }

    private static void chunk(ByteArrayOutputStream png, String type, byte[] data) throws IOException {
        DataOutputStream out = new DataOutputStream(png);
        out.writeInt(data.length);
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        out.write(name);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.writeInt((int) crc.getValue());
    }
}
