package org.organizingworkbench.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An endpoint that reads a form takes only a form: a request with another content type, or none, is refused with
 * 415 before the form is read (JAX-RS would otherwise fail inside, with a 500). Applies to every resource method with
 * a {@link FormParam} or a form as its entity, so a new endpoint is covered without a word.
 */
@Provider
public class FormContentType implements ContainerRequestFilter {

    private static final Map<Method, Boolean> TAKES_FORM = new ConcurrentHashMap<>();

    @Context
    ResourceInfo resource;

    @Inject
    RefusalPages refusals;

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resource.getResourceMethod();
        if (method == null || !TAKES_FORM.computeIfAbsent(method, FormContentType::takesForm)) {
            return;
        }
        MediaType type = request.getMediaType();
        if (type != null && type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)) {
            return;
        }
        boolean json = RefusalPages.wantsJson(request.getHeaderString(HttpHeaders.ACCEPT), null);
        var locale = Locales.choose(request.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        RefusalPages.Kind kind = RefusalPages.Kind.unsupportedType;
        String detail = "this address takes " + MediaType.APPLICATION_FORM_URLENCODED;
        request.abortWith(Response.status(415)
                .type(json ? MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8") : MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(json ? refusals.json(kind, 415, locale, detail) : refusals.html(kind, locale, detail)).build());
    }

    static boolean takesForm(Method method) {
        for (int i = 0; i < method.getParameterCount(); i++) {
            Annotation[] annotations = method.getParameterAnnotations()[i];
            if (Arrays.stream(annotations).anyMatch(a -> a instanceof FormParam)) {
                return true;
            }
            Class<?> type = method.getParameterTypes()[i];
            boolean entity = Arrays.stream(annotations).noneMatch(a -> a.annotationType().getPackageName().startsWith("jakarta.ws.rs"));
            if (entity && (MultivaluedMap.class.isAssignableFrom(type) || Form.class.isAssignableFrom(type))) {
                return true;
            }
        }
        return false;
    }
}
