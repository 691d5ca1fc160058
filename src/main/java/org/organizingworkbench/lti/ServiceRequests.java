package org.organizingworkbench.lti;

import com.nimbusds.jose.util.JSONArrayUtils;
import com.nimbusds.jose.util.JSONObjectUtils;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The HTTP side the service clients share: a bearer token from {@link ServiceTokenClient}, the User-Agent, a
 * {@link ServiceException} for every non-2xx answer (with the start of the body, which says why), and paging along
 * {@code rel="next"} links with a guard against links that never end.
 */
final class ServiceRequests {
    static final int MAX_PAGES = 1000;

    @FunctionalInterface
    interface PageReader {
        void read(HttpResponse<String> page) throws ServiceException;
    }

    private final ServiceTokenClient tokens;

    ServiceRequests(ServiceTokenClient tokens) {
        this.tokens = tokens;
    }

    HttpResponse<String> get(ServiceRegistration registration, String url, String accept, Set<String> acceptedScopes)
            throws ServiceException {
        return exchange(registration, url, acceptedScopes, HttpRequest.newBuilder().GET().header("Accept", accept));
    }

    /** A POST or PUT of a JSON body; accept may be null when the answer's type does not matter. */
    HttpResponse<String> send(ServiceRegistration registration, String method, String url, String contentType,
                              String accept, String body, Set<String> acceptedScopes) throws ServiceException {
        HttpRequest.Builder request = HttpRequest.newBuilder()
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", contentType);
        if (accept != null) {
            request.header("Accept", accept);
        }
        return exchange(registration, url, acceptedScopes, request);
    }

    /** GETs the first page and each page its {@code rel="next"} link names, handing each to the reader in order. */
    void readPages(ServiceRegistration registration, String firstUrl, String accept, Set<String> acceptedScopes,
                   PageReader reader) throws ServiceException {
        Set<URI> read = new HashSet<>();
        String url = firstUrl;
        while (true) {
            HttpResponse<String> page = get(registration, url, accept, acceptedScopes);
            read.add(page.uri());
            reader.read(page);
            Optional<URI> next = nextPage(page);
            if (next.isEmpty()) {
                return;
            }
            checkPaging(page, next.get(), read);
            url = next.get().toString();
        }
    }

    static Map<String, Object> objectBody(HttpResponse<String> response) throws ServiceException {
        try {
            return JSONObjectUtils.parse(response.body());
        } catch (ParseException e) {
            throw notJson(response, "object", e);
        }
    }

    static List<Object> arrayBody(HttpResponse<String> response) throws ServiceException {
        try {
            return JSONArrayUtils.parse(response.body());
        } catch (ParseException e) {
            throw notJson(response, "array", e);
        }
    }

    private HttpResponse<String> exchange(ServiceRegistration registration, String url, Set<String> acceptedScopes,
                                          HttpRequest.Builder request) throws ServiceException {
        if (!registration.requestsAnyOf(acceptedScopes)) {
            throw new ServiceException(0, url, "not sent: the registration asks for none of the scopes "
                    + new TreeSet<>(acceptedScopes));
        }
        URI uri = uri(url);
        String token = tokens.accessToken(registration);
        HttpResponse<String> response = tokens.send(request.uri(uri).header("Authorization", "Bearer " + token), url);
        int status = response.statusCode();
        if (status == 401) {
            tokens.forget(registration, token);
        }
        if (status / 100 != 2) {
            throw new ServiceException(status, url, JsonFields.excerpt(response.body()).replace(token, "[token]"));
        }
        return response;
    }

    private static Optional<URI> nextPage(HttpResponse<String> page) throws ServiceException {
        try {
            return LinkHeader.next(page.headers().allValues("Link"), page.uri());
        } catch (IllegalArgumentException e) {
            throw new ServiceException(page.statusCode(), page.uri().toString(), "unreadable next link: " + e.getMessage());
        }
    }

    private static void checkPaging(HttpResponse<String> page, URI next, Set<URI> read) throws ServiceException {
        if (read.contains(next)) {
            throw new ServiceException(page.statusCode(), page.uri().toString(),
                    "endless paging: the next link " + next + " names a page already read");
        }
        if (read.size() >= MAX_PAGES) {
            throw new ServiceException(page.statusCode(), page.uri().toString(),
                    "endless paging: more than " + MAX_PAGES + " pages");
        }
    }

    private static URI uri(String url) throws ServiceException {
        try {
            URI uri = URI.create(url);
            if (!uri.isAbsolute()) {
                throw new IllegalArgumentException("not absolute");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new ServiceException(0, url, "not an absolute URL: " + e.getMessage(), e);
        }
    }

    private static ServiceException notJson(HttpResponse<String> response, String expected, ParseException e) {
        return new ServiceException(response.statusCode(), response.uri().toString(),
                "the answer is not a JSON " + expected + " (" + e.getMessage() + "): " + JsonFields.excerpt(response.body()));
    }
}
