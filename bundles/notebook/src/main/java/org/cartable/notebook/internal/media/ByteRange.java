package org.cartable.notebook.internal.media;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One byte range of a file, from an HTTP {@code Range} header (RFC 7233), so that audio and video can seek.
 * Only single ranges are served: a header asking for several, or that is not understood, is ignored and the whole file
 * is sent (which the RFC allows).
 *
 * @param first first byte sent
 * @param last  last byte sent (inclusive)
 */
public record ByteRange(long first, long last) {

    private static final Pattern SINGLE = Pattern.compile("bytes=\\s*(\\d*)\\s*-\\s*(\\d*)\\s*");

    /** What to answer to a request for a file of {@code size} bytes. */
    public sealed interface Answer permits Whole, Partial, Unsatisfiable {
    }

    /** 200, the whole file. */
    public record Whole() implements Answer {
    }

    /** 206 with {@code Content-Range: bytes first-last/size}. */
    public record Partial(ByteRange range, long size) implements Answer {
        public String contentRange() {
            return "bytes " + range.first() + "-" + range.last() + "/" + size;
        }
    }

    /** 416 with {@code Content-Range: bytes * /size}. */
    public record Unsatisfiable(long size) implements Answer {
        public String contentRange() {
            return "bytes */" + size;
        }
    }

    /** @return how many bytes the range holds */
    public long length() {
        return last - first + 1;
    }

    /** @return the answer to a {@code Range} header (null if absent) for a file of {@code size} bytes */
    public static Answer answer(String header, long size) {
        Optional<long[]> parsed = parse(header);
        if (parsed.isEmpty()) {
            return new Whole();
        }
        long[] bounds = parsed.get();
        long first;
        long last;
        if (bounds[0] < 0) {
            // "bytes=-N": the last N bytes
            long suffix = bounds[1];
            if (suffix == 0 || size == 0) {
                return new Unsatisfiable(size);
            }
            first = Math.max(0, size - suffix);
            last = size - 1;
        } else {
            first = bounds[0];
            if (first >= size) {
                return new Unsatisfiable(size);
            }
            last = bounds[1] < 0 ? size - 1 : Math.min(bounds[1], size - 1);
        }
        return new Partial(new ByteRange(first, last), size);
    }

    /* {first, last} with -1 for a missing bound; empty when the header is absent, multiple or malformed. */
    private static Optional<long[]> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        Matcher matcher = SINGLE.matcher(header.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String first = matcher.group(1);
        String last = matcher.group(2);
        if (first.isEmpty() && last.isEmpty() || first.length() > 18 || last.length() > 18) {
            return Optional.empty();
        }
        long from = first.isEmpty() ? -1 : Long.parseLong(first);
        long to = last.isEmpty() ? -1 : Long.parseLong(last);
        if (from >= 0 && to >= 0 && to < from) {
            return Optional.empty();
        }
        return Optional.of(new long[] {from, to});
    }
}
