package dev.clobcancel.adapter.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clobcancel.domain.auth.L2Headers;
import dev.clobcancel.domain.auth.L2Signer;
import dev.clobcancel.domain.failure.ClobException;
import dev.clobcancel.domain.model.CancelResult;
import dev.clobcancel.domain.model.OrderId;
import io.vertx.core.http.HttpMethod;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** The cancel endpoints: each request's body written once, signed as those bytes, and sent. */
final class CancelRequests {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** {@code {"orderID":"0x..."}}: the official clients' body, byte for byte. */
    record CancelOrderPayload(String orderID) {
    }

    private final HttpTransport transport;
    private final L2Signer signer;
    private final Clock clock;

    CancelRequests(HttpTransport transport, L2Signer signer, Clock clock) {
        this.transport = transport;
        this.signer = signer;
        this.clock = clock;
    }

    CompletableFuture<CancelResult> cancelOrder(OrderId id) {
        return send(HttpMethod.DELETE, "/order", json(new CancelOrderPayload(id.value())), Responses::cancelResult);
    }

    L2Signer signer() {
        return signer;
    }

    /**
     * Signs and sends; the future fails with the {@link ClobException} itself (not wrapped), so a
     * {@code whenComplete} sees the type that says what happened.
     */
    private <T> CompletableFuture<T> send(HttpMethod method, String path, byte[] body,
                                          Responses.Reader<T> reader) {
        L2Headers headers = signer.headers(clock.instant().getEpochSecond(), method.name(), path, body);
        String what = method.name() + " " + path;
        CompletableFuture<T> result = new CompletableFuture<>();
        transport.send(method, path, headers.asMap(), body).whenComplete((response, failure) -> {
            if (failure != null) {
                result.completeExceptionally(failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure);
                return;
            }
            try {
                result.complete(reader.read(response, what));
            } catch (ClobException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    static byte[] json(Object payload) {
        try {
            return JSON.writeValueAsBytes(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + payload.getClass().getSimpleName(), e);
        }
    }
}
