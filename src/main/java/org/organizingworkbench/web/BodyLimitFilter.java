package org.organizingworkbench.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;

/**
 * Every request body within its endpoint's limit ({@link RequestBodyLimit}), decided before the body is read: a
 * declared Content-Length over the limit is refused at once with 413; a body sent in chunks, whose length nobody
 * declared, is read up to the limit and refused as soon as it passes it. The connection is closed after a refusal,
 * so the rest of the body is never read either.
 */
public class BodyLimitFilter extends HttpFilter {

    private static final Logger LOG = Logger.getLogger(BodyLimitFilter.class.getName());

    @Inject
    RefusalPages refusals;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = RequestPath.of(request);
        long limit = RequestBodyLimit.of(request.getMethod(), path);
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            refuse(request, response, path, limit);
            return;
        }
        if (declared < 0 && request.getHeader("Transfer-Encoding") != null) {
            byte[] body = request.getInputStream().readNBytes((int) limit + 1);
            if (body.length > limit) {
                refuse(request, response, path, limit);
                return;
            }
            request = new ReadBody(request, body);
        }
        chain.doFilter(request, response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, String path, long limit)
            throws IOException {
        LOG.warning(() -> "Request refused: " + request.getMethod() + " /" + path + " has a body over its limit of "
                + RequestBodyLimit.shown(limit));
        response.setHeader("Connection", "close");
        refusals.write(request, response, 413, "/" + path + ": " + RequestBodyLimit.shown(limit));
    }

    /** A request whose body was already read (within its limit) and is served from memory. */
    private static final class ReadBody extends HttpServletRequestWrapper {

        private final byte[] body;
        private final ServletInputStream stream;

        ReadBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
            this.stream = stream(new ByteArrayInputStream(body));
        }

        @Override
        public ServletInputStream getInputStream() {
            return stream;
        }

        private static ServletInputStream stream(ByteArrayInputStream in) {
            return new ServletInputStream() {
                @Override
                public int read() throws IOException {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new IllegalStateException("the body was already read");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(stream, charset(getCharacterEncoding())));
        }

        private static Charset charset(String encoding) {
            try {
                return encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            } catch (IllegalArgumentException e) {
                return StandardCharsets.UTF_8;
            }
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
