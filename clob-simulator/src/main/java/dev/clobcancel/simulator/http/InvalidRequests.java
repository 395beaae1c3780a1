package dev.clobcancel.simulator.http;

import io.netty.handler.codec.TooLongFrameException;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import java.util.Locale;

/**
 * Requests the HTTP decoder could not read (a request line or headers over the limit, garbage
 * instead of HTTP): a JSON error that names the problem, then the connection is closed, since
 * nothing after such a request can be trusted to start a new one.
 */
final class InvalidRequests implements Handler<HttpServerRequest> {

    @Override
    public void handle(HttpServerRequest request) {
        Throwable cause = request.decoderResult().cause();
        String message = cause == null ? "malformed HTTP request" : cause.getMessage();
        int status = 400;
        if (cause instanceof TooLongFrameException) {
            String lower = message == null ? "" : message.toLowerCase(Locale.ROOT);
            status = lower.contains("header") ? 431 : 414;
        }
        String error = "malformed HTTP request: " + (message == null ? cause.getClass().getSimpleName() : message);
        Buffer body = Buffer.buffer(WireJson.write(new Replies.Error(error)));
        request.response()
                .setStatusCode(status)
                .putHeader("Content-Type", "application/json")
                .putHeader("Connection", "close")
                .end(body)
                .onComplete(done -> request.connection().close());
    }
}
