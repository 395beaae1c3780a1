package dev.clobcancel.adapter.http;

import dev.clobcancel.domain.model.CancelResult;
import dev.clobcancel.domain.model.OrderId;
import dev.clobcancel.domain.model.RateLimitState;
import java.util.Map;

/**
 * Test fixture: the package-private pieces of one cancel that the benchmarks time, through a
 * small public seam, so that they need no class in this package. Shipped in this module's
 * test-jar, which holds this class alone; not an API.
 *
 * <pre>{@code
 * CancelPathFixture answer = CancelPathFixture.answering("{\"canceled\":[\"0x...\"],\"not_canceled\":{}}".getBytes(UTF_8));
 * CancelResult result = answer.readCancelAnswer();
 * }</pre>
 */
public final class CancelPathFixture {

    private final HttpTransport.Response answer;

    private CancelPathFixture(HttpTransport.Response answer) {
        this.answer = answer;
    }

    /** A fixture whose answer is a 200 with {@code body}, as the exchange sends it. */
    public static CancelPathFixture answering(byte[] body) {
        return new CancelPathFixture(new HttpTransport.Response(200, body.clone(), Map.of("content-type", "application/json")));
    }

    /** {@code {"orderID":"0x..."}}: the bytes the client sends for a cancel of {@code id}. */
    public static byte[] cancelBody(OrderId id) {
        return CancelRequests.orderBody(id);
    }

    /** The answer read as the client reads it. */
    public CancelResult readCancelAnswer() {
        return Responses.cancelResult(answer, "DELETE /order", RateLimitState.NONE);
    }
}
