package org.organizingworkbench.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.organizingworkbench.view.BundleMessageResolver;
import org.organizingworkbench.view.Templates;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The tool's own answer to a request it refuses, wherever the refusal happens (a resource, a filter, the servlet
 * container): a short page in the person's language, or JSON for a request that asked for JSON; never the server's
 * page, which names the server and may show a stack trace.
 */
@ApplicationScoped
public class RefusalPages {

    /** What went wrong, as the refusal page and the JSON name it ({@code refusal.<kind>} in the bundles). */
    public enum Kind {
        notFound, forbidden, refused, badRequest, tooLarge, unsupportedType, methodNotAllowed, failed, busy;

        static Kind of(int status) {
            return switch (status) {
                case 400 -> badRequest;
                case 403 -> forbidden;
                case 404 -> notFound;
                case 405 -> methodNotAllowed;
                case 413 -> tooLarge;
                case 415 -> unsupportedType;
                case 503 -> busy;
                default -> status >= 500 ? failed : refused;
            };
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Templates templates;

    public String html(Kind kind, Locale locale, String detail) {
        return templates.render("refusal", locale, new Refusal(kind.name(), detail));
    }

    /** {"error": kind, "status": 413, "message": "…"}: for scripts, which show the message. */
    public String json(Kind kind, int status, Locale locale, String detail) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("error", kind.name());
        answer.put("status", status);
        answer.put("message", BundleMessageResolver.message("refusal." + kind.name(), locale));
        if (detail != null) {
            answer.put("detail", detail);
        }
        try {
            return JSON.writeValueAsString(answer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the request asked for JSON rather than a page (a script's fetch, the autosave). */
    public static boolean wantsJson(String accept, String contentType) {
        String a = accept == null ? "" : accept.toLowerCase(Locale.ROOT);
        String c = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        return (a.contains("application/json") && !a.contains("text/html")) || (a.isBlank() && c.startsWith("application/json"));
    }

    /** Writes the refusal on a servlet response (filters and the container's error page, outside JAX-RS). */
    public void write(HttpServletRequest request, HttpServletResponse response, int status, String detail)
            throws IOException {
        Kind kind = Kind.of(status);
        Locale locale = Locales.choose(request.getHeader("Accept-Language"));
        boolean json = wantsJson(request.getHeader("Accept"), request.getContentType());
        String body = json ? json(kind, status, locale, detail) : html(kind, locale, detail);
        response.setStatus(status);
        response.setContentType((json ? "application/json" : "text/html") + ";charset=UTF-8");
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    /** Page {@code refusal}: which refusal, and the one-line detail (a limit, a field) the tool can name. */
    public record Refusal(String kind, String detail) {
    }
}
