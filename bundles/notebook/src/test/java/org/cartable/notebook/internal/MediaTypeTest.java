package org.cartable.notebook.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Types are read from the content's first bytes; anything else is refused, whatever it is called. */
class MediaTypeTest {

    @Test
    void recognisesEachAcceptedType() {
        assertEquals(Optional.of("image/png"), detect(Samples.png()));
        assertEquals(Optional.of("image/jpeg"), detect(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}));
        assertEquals(Optional.of("image/gif"), detect(ascii("GIF89a\1\0\1\0")));
        assertEquals(Optional.of("image/webp"), detect(ascii("RIFF\0\0\0\0WEBPVP8 ")));
        assertEquals(Optional.of("audio/wav"), detect(Samples.wav(20)));
        assertEquals(Optional.of("audio/ogg"), detect(ascii("OggS\0\2\0\0")));
        assertEquals(Optional.of("audio/mpeg"), detect(Samples.mp3(20)));
        assertEquals(Optional.of("audio/mpeg"), detect(new byte[] {(byte) 0xFF, (byte) 0xFB, (byte) 0x90, 0x64}));
        assertEquals(Optional.of("audio/mp4"), detect(new byte[] {0, 0, 0, 0x20, 'f', 't', 'y', 'p', 'M', '4', 'A', ' '}));
        assertEquals(Optional.of("video/mp4"), detect(Samples.mp4(20)));
        assertEquals(Optional.of("video/webm"),
                detect(new byte[] {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3, (byte) 0x9F, 0x42, (byte) 0x82, (byte) 0x84,
                        'w', 'e', 'b', 'm'}));
    }

    @Test
    void refusesActiveContentAndUnknownFiles() {
        assertEquals(Optional.empty(), detect(Samples.html()));
        assertEquals(Optional.empty(), detect(ascii("<svg xmlns=\"http://www.w3.org/2000/svg\"><script/></svg>")));
        assertEquals(Optional.empty(), detect(ascii("%PDF-1.7")));
        assertEquals(Optional.empty(), detect(ascii("PK\3\4 a zip")));
        assertEquals(Optional.empty(), detect(ascii("\0\0\0\24ftypqt  ")), "QuickTime is not offered");
        assertEquals(Optional.empty(), detect(new byte[] {(byte) 0xFF, (byte) 0xF1, 0x50, (byte) 0x80}),
                "AAC in ADTS is not MP3");
        assertEquals(Optional.empty(), detect(new byte[] {(byte) 0x89, 'P'}), "too short to tell");
    }

    @Test
    void kindsAndExtensionsFollowTheType() {
        assertEquals(BoxKind.IMAGE, MediaType.kindOf("image/webp"));
        assertEquals(BoxKind.AUDIO, MediaType.kindOf("audio/mp4"));
        assertEquals(BoxKind.VIDEO, MediaType.kindOf("video/webm"));
        assertEquals(".m4a", MediaType.extensionOf("audio/mp4"));
        assertEquals(".bin", MediaType.extensionOf("text/html"));
    }

    private static Optional<String> detect(byte[] bytes) {
        return MediaType.detect(bytes, bytes.length);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
