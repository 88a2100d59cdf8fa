package org.cartable.notebook.internal.media;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.cartable.notebook.internal.MediaFile;

/**
 * How a stored file is answered, the same for REST and the web pages: status (200, 206 or 416), headers, and which
 * bytes to send. The content type is the one found in the content at upload; the browser is told not to guess another
 * ({@code nosniff}) and to run nothing in it ({@code sandbox}).
 *
 * @param first  first byte to send
 * @param length how many bytes to send (0 for 416)
 */
public record MediaDelivery(int status, Map<String, String> headers, long first, long length) {

    /** @param range the request's {@code Range} header, or null; @param download whether to save rather than show */
    public static MediaDelivery of(MediaFile file, long size, String range, boolean download) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept-Ranges", "bytes");
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Content-Security-Policy", "default-src 'none'; sandbox");
        headers.put("Cache-Control", "private, no-cache");
        ByteRange.Answer answer = ByteRange.answer(range, size);
        if (answer instanceof ByteRange.Unsatisfiable unsatisfiable) {
            headers.put("Content-Range", unsatisfiable.contentRange());
            return new MediaDelivery(416, headers, 0, 0);
        }
        headers.put("Content-Type", file.info().contentType());
        headers.put("Content-Disposition", disposition(download ? "attachment" : "inline", file.info().name()));
        if (answer instanceof ByteRange.Partial partial) {
            headers.put("Content-Range", partial.contentRange());
            headers.put("Content-Length", Long.toString(partial.range().length()));
            return new MediaDelivery(206, headers, partial.range().first(), partial.range().length());
        }
        headers.put("Content-Length", Long.toString(size));
        return new MediaDelivery(200, headers, 0, size);
    }

    /* RFC 6266: an ASCII fallback name and the real one encoded (RFC 5987), never raw user text in the header. */
    static String disposition(String type, String name) {
        String ascii = name.replaceAll("[^A-Za-z0-9._-]", "_");
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        return type + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
