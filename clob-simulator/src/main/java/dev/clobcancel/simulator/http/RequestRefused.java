package dev.clobcancel.simulator.http;

/**
 * A request the HTTP layer refuses before (or instead of) asking the exchange: a body it cannot
 * read, a setting the admin API does not take, a path naming nothing. Carries its status, which
 * {@link ExchangeFailures} answers with the message as {@code {"error": ...}}.
 */
final class RequestRefused extends RuntimeException {

    private final int status;

    RequestRefused(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    static RequestRefused badRequest(String message) {
        return new RequestRefused(400, message);
    }

    static RequestRefused notFound(String message) {
        return new RequestRefused(404, message);
    }

    int status() {
        return status;
    }
}
