package org.cartable.rest.internal.security;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.util.Locale;
import java.util.Optional;

import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardFilterPattern;

/**
 * Refuses a request body declared in a character set the JVM does not know, with a JSON 415.
 * <p>
 * CXF reads the declared charset in its servlet, before any JAX-RS filter or exception mapper runs, and fails with
 * an HTML 500 naming internal classes. A servlet filter is the only place in front of it. It applies to every HTTP
 * context (the JAX-RS whiteboard gives each application its own), so the web shell is covered as well.
 */
@Component(service = Filter.class)
@HttpWhiteboardFilterPattern("/*")
@HttpWhiteboardContextSelect("(osgi.http.whiteboard.context.name=*)")
public final class CharsetGuard extends StatelessFilter {



    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Optional<String> unknown = unknownCharset(request.getContentType());
        if (unknown.isPresent() && response instanceof HttpServletResponse http
                && request instanceof HttpServletRequest) {
            http.setStatus(415);
            http.setContentType("application/json");
            http.setCharacterEncoding("UTF-8");
            http.getWriter().write("{\"error\":\"unsupported_media_type\",\"message\":\"Unknown character set in "
                    + "Content-Type; send UTF-8.\"}");
            return;
        }
        chain.doFilter(request, response);
    }

    /** @return the charset parameter of the content type when the JVM cannot decode it */
    static Optional<String> unknownCharset(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        for (String parameter : contentType.split(";")) {
            String[] nameValue = parameter.trim().split("=", 2);
            if (nameValue.length == 2 && nameValue[0].trim().toLowerCase(Locale.ROOT).equals("charset")) {
                String charset = nameValue[1].trim().replace("\"", "");
                try {
                    return Charset.isSupported(charset) ? Optional.empty() : Optional.of(charset);
                } catch (IllegalCharsetNameException illegal) {
                    return Optional.of(charset);
                }
            }
        }
        return Optional.empty();
    }
}
