package dev.clobcancel.adapter.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clobcancel.domain.auth.L2Headers;
import dev.clobcancel.domain.auth.L2Signer;
import io.vertx.core.http.HttpMethod;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The account's L2-authenticated requests: a body written once, then, for every attempt the retry
 * policy makes, dated, signed over those very bytes, sent within the attempt's timeout and read.
 */
final class SignedRequests {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A send is never given less: one that could not possibly be answered would waste an attempt. */
    private static final Duration MIN_SEND = Duration.ofMillis(50);
    /** The official clients send it on every signed request, even {@code /cancel-all} with no body. */
    private static final Map<String, String> CONTENT_TYPE = Map.of("Content-Type", "application/json");

    private final HttpTransport transport;
    private final L2Signer signer;
    private final SigningTime time;
    private final RetryingCalls calls;
    private final RateLimits rateLimits;

    SignedRequests(HttpTransport transport, L2Signer signer, SigningTime time, RetryingCalls calls, RateLimits rateLimits) {
        this.transport = transport;
        this.signer = signer;
        this.time = time;
        this.calls = calls;
        this.rateLimits = rateLimits;
    }

    L2Signer signer() {
        return signer;
    }

    RetryingCalls calls() {
        return calls;
    }

    RateLimits rateLimits() {
        return rateLimits;
    }

    /**
     * Sends {@code body} (null for none) to {@code path}, signed afresh for each attempt, all
     * within {@code within} or the client's deadline, whichever is shorter; {@code reader} reads
     * the answer or throws its failure.
     */
    <T> CompletableFuture<T> send(HttpMethod method, String path, byte[] body, Duration within, Responses.Reader<T> reader) {
        return send(method, path, "", body, within, null, reader);
    }

    /**
     * As {@link #send(HttpMethod, String, byte[], Duration, Responses.Reader)}, with a query
     * ({@code "?next_cursor=..."}, or {@code ""}) that is sent but not signed, as the official
     * clients sign a {@code GET}, and {@code decider} in place of the retry policy (null: the policy).
     */
    <T> CompletableFuture<T> send(HttpMethod method, String path, String query, byte[] body, Duration within,
                                  RetryingCalls.Decider decider, Responses.Reader<T> reader) {
        return send(method, path, query, body, within, decider, (answer, attempts) -> answer, reader);
    }

    /** As above, the answer stamped with how many times the request was sent. */
    <T> CompletableFuture<T> send(HttpMethod method, String path, String query, byte[] body, Duration within,
                                  RetryingCalls.Decider decider, RetryingCalls.Stamp<T> stamp, Responses.Reader<T> reader) {
        String what = method.name() + " " + path;
        return calls.call(what, within, decider, stamp, timeout -> attempt(method, path, query, body, timeout, what, reader));
    }


    /** One attempt within {@code timeout}; reading the exchange's clock first, if need be, counts against it. */
    private <T> CompletableFuture<T> attempt(HttpMethod method, String path, String query, byte[] body, Duration timeout,
                                             String what, Responses.Reader<T> reader) {
        long started = System.nanoTime();
        CompletableFuture<Long> timestamp = time.nowSeconds();
        // Known at once (the machine's clock, or an offset measured already): the whole timeout is the send's.
        boolean waited = !timestamp.isDone();
        return timestamp.thenCompose(seconds -> {
            L2Headers l2 = signer.headers(seconds, method.name(), path, body);
            Map<String, String> headers = new LinkedHashMap<>(l2.asMap());
            headers.putAll(CONTENT_TYPE);
            Duration left = waited ? timeout.minusNanos(System.nanoTime() - started) : timeout;
            return transport.send(method, path + query, headers, body, left.compareTo(MIN_SEND) < 0 ? MIN_SEND : left);
        }).thenApply(response -> read(response, what, reader));
    }

    /** The answer read, after its {@code Poly-RateLimit-*} headers are taken in: a failure carries the state they left. */
    private <T> T read(HttpTransport.Response response, String what, Responses.Reader<T> reader) {
        return reader.read(response, what, rateLimits.observe(response));
    }

    /** {@code payload} as compact JSON, as the official clients' {@code JSON.stringify} writes it. */
    static byte[] json(Object payload) {
        try {
            return JSON.writeValueAsBytes(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + payload.getClass().getSimpleName(), e);
        }
    }
}
