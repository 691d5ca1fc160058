package org.organizingworkbench.web;

import jakarta.servlet.http.HttpServletRequest;

/** The path a request is for under the application, decoded and normalised by the container, without its leading slash. */
final class RequestPath {

    private RequestPath() {
    }

    static String of(HttpServletRequest request) {
        String servletPath = request.getServletPath() == null ? "" : request.getServletPath();
        String pathInfo = request.getPathInfo() == null ? "" : request.getPathInfo();
        String path = servletPath + pathInfo;
        while (path.startsWith("/")) {
            path = path.substring(1);
        }
        return path;
    }
}
