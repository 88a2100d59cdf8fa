package org.cartable.notebook.internal.web;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Map;


import org.apache.wicket.request.IRequestCycle;
import org.apache.wicket.request.IRequestHandler;
import org.apache.wicket.request.RequestHandlerExecutor.ReplaceHandlerException;
import org.apache.wicket.request.http.WebRequest;
import org.apache.wicket.request.http.WebResponse;
import org.apache.wicket.request.http.flow.AbortWithHttpErrorCodeException;
import org.apache.wicket.request.mapper.parameter.PageParameters;
import org.cartable.api.Caller;
import org.cartable.api.CartableException;
import org.cartable.api.web.CartableSession;

/**
 * The file answers of the web UI (media, exports). Pages are what apps contribute to the shell, so a "page" checks
 * access in its constructor and then replaces itself with a handler that writes the bytes: nothing is rendered, and
 * a refusal is a bare status code, as for any file.
 */
final class Downloads {

    /** Writes the body of an answer. */
    @FunctionalInterface
    interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    private Downloads() {
    }

    /** @return the signed-in caller; 404 for anyone else (a file's address reveals nothing) */
    static Caller caller() {
        return CartableSession.get().caller().orElseThrow(() -> new AbortWithHttpErrorCodeException(
                404));
    }

    static String parameter(PageParameters parameters, String name) {
        return parameters.get(name).toOptionalString();
    }

    /** A service refusal as a status code. */
    static AbortWithHttpErrorCodeException refused(CartableException refused) {
        return new AbortWithHttpErrorCodeException(refused.kind().status());
    }

    /** @return the request's header, or null */
    static String header(IRequestCycle cycle, String name) {
        return ((WebRequest) cycle.getRequest()).getHeader(name);
    }

    /** Ends the page's construction by answering with these headers and body instead. */
    static ReplaceHandlerException answer(int status, Map<String, String> headers, Body body) {
        IRequestHandler handler = new IRequestHandler() {
            @Override
            public void respond(IRequestCycle cycle) {
                WebResponse response = (WebResponse) cycle.getResponse();
                response.setStatus(status);
                headers.forEach((name, value) -> {
                    if (name.equalsIgnoreCase("Content-Type")) {
                        response.setContentType(value);
                    } else if (name.equalsIgnoreCase("Content-Length")) {
                        response.setContentLength(Long.parseLong(value));
                    } else {
                        response.setHeader(name, value);
                    }
                });
                if (body == null) {
                    return;
                }
                try {
                    body.writeTo(new OutputStream() {
                        @Override
                        public void write(int b) {
                            response.write(new byte[] {(byte) b});
                        }

                        @Override
                        public void write(byte[] bytes, int offset, int length) {
                            response.write(bytes, offset, length);
                        }
                    });
                } catch (IOException e) {
                    // the browser went away (a player seeking elsewhere does this all the time)
                    throw new UncheckedIOException(e);
                }
            }
        };
        return new ReplaceHandlerException(handler, true);
    }
}
