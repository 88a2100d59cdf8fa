package org.cartable.notebook.internal.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.junit.jupiter.api.Test;

/** RFC 7233 single byte ranges: 206 with Content-Range, 416 when nothing of the file is asked, else the whole file. */
class ByteRangeTest {

    @Test
    void aRangeWithinTheFileIsPartial() {
        ByteRange.Partial partial = partial("bytes=0-99", 1000);
        assertEquals(new ByteRange(0, 99), partial.range());
        assertEquals(100, partial.range().length());
        assertEquals("bytes 0-99/1000", partial.contentRange());
        assertEquals(new ByteRange(500, 999), partial("bytes=500-", 1000).range());
        assertEquals(new ByteRange(900, 999), partial("bytes=-100", 1000).range());
        assertEquals(new ByteRange(0, 999), partial("bytes=-5000", 1000).range(), "a suffix longer than the file");
        assertEquals(new ByteRange(990, 999), partial("bytes=990-5000", 1000).range(), "the end is clipped");
        assertEquals(new ByteRange(999, 999), partial("bytes=999-999", 1000).range());
    }

    @Test
    void aRangeOutsideTheFileIsUnsatisfiable() {
        ByteRange.Unsatisfiable unsatisfiable = assertInstanceOf(ByteRange.Unsatisfiable.class,
                ByteRange.answer("bytes=1000-", 1000));
        assertEquals("bytes */1000", unsatisfiable.contentRange());
        assertInstanceOf(ByteRange.Unsatisfiable.class, ByteRange.answer("bytes=-0", 1000));
        assertInstanceOf(ByteRange.Unsatisfiable.class, ByteRange.answer("bytes=0-", 0));
    }

    @Test
    void whatIsNotOneUnderstoodRangeGetsTheWholeFile() {
        for (String header : new String[] {null, "", "bytes=0-1,5-6", "items=0-9", "bytes=9-2", "bytes=-",
                "bytes=abc", "bytes=99999999999999999999-"}) {
            assertInstanceOf(ByteRange.Whole.class, ByteRange.answer(header, 1000), String.valueOf(header));
        }
    }

    private static ByteRange.Partial partial(String header, long size) {
        return assertInstanceOf(ByteRange.Partial.class, ByteRange.answer(header, size));
    }
}
