package org.organizingworkbench.lti;

/**
 * A call to an LTI Advantage service (token endpoint, NRPS, AGS) that failed. The status is the HTTP status the
 * platform answered, or 0 when no answer was read (I/O error, timeout, or the request was never sent). The reason
 * never contains an access token or a client assertion.
 */
public class ServiceException extends Exception {
    private final int status;
    private final String url;
    private final String reason;

    public ServiceException(int status, String url, String reason) {
        super(message(status, url, reason));
        this.status = status;
        this.url = url;
        this.reason = reason;
    }

    public ServiceException(int status, String url, String reason, Throwable cause) {
        super(message(status, url, reason), cause);
        this.status = status;
        this.url = url;
        this.reason = reason;
    }

    /** The HTTP status, or 0 when there was no HTTP answer. */
    public int status() {
        return status;
    }

    public String url() {
        return url;
    }

    public String reason() {
        return reason;
    }

    private static String message(int status, String url, String reason) {
        return (status == 0 ? "no HTTP answer" : "HTTP " + status) + " from " + url + ": " + reason;
    }
}
