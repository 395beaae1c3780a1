package dev.clobcancel.adapter.http;

import dev.clobcancel.domain.model.CancelResult;
import dev.clobcancel.domain.model.OrderId;
import dev.clobcancel.domain.model.RateLimitState;
import java.util.Map;

/**
 * The test-fixtures seam of the adapter: the package-private steps of one cancel, made public for
 * the benchmarks (clob-benchmarks' {@code CancelPathBenchmark}) and nothing else. Shipped alone in
 * the adapter's {@code test-fixtures} jar, so no other module needs a class in this package.
 */
public final class CancelPathSeam {

    private CancelPathSeam() {
    }

    /** {@code {"orderID":"0x..."}}, the bytes a cancel sends. */
    public static byte[] orderBody(OrderId id) {
        return CancelRequests.orderBody(id);
    }

    /** An answer as the transport hands it over, to be read by {@link Answer#readCancel(String)}. */
    public static Answer answer(int status, byte[] body, Map<String, String> headers) {
        return new Answer(new HttpTransport.Response(status, body, headers));
    }

    /** An exchange's answer held as the transport holds it; reading it is the work measured. */
    public static final class Answer {

        private final HttpTransport.Response response;

        private Answer(HttpTransport.Response response) {
            this.response = response;
        }

        /** The answer read as the client reads a cancel's, {@code what} naming the call in errors. */
        public CancelResult readCancel(String what) {
            return Responses.cancelResult(response, what, RateLimitState.NONE);
        }
    }
}
