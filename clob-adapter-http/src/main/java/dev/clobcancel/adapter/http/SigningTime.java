package dev.clobcancel.adapter.http;

import dev.clobcancel.domain.retry.Durations;
import io.vertx.core.http.HttpMethod;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The unix second each signature carries: the machine's clock, or, with server time on, the
 * machine's clock corrected by its offset to the exchange's {@code GET /time}. The official
 * clients ask {@code /time} before every request; this measures once, and again when the
 * measurement is older than the refresh period, so that a drifting clock does not turn into
 * 401s without costing a round trip per cancel.
 */
abstract sealed class SigningTime permits SigningTime.Local, SigningTime.Server {

    /** The timestamp for a request about to be signed. */
    abstract CompletableFuture<Long> nowSeconds();

    static SigningTime local(Clock clock) {
        return new Local(clock);
    }

    static SigningTime server(HttpTransport transport, Clock clock, Duration refreshEvery, Duration timeout) {
        return new Server(transport, clock, refreshEvery, timeout);
    }

    /** The machine's clock as it is. */
    static final class Local extends SigningTime {
        private final Clock clock;

        Local(Clock clock) {
            this.clock = clock;
        }

        @Override
        CompletableFuture<Long> nowSeconds() {
            return CompletableFuture.completedFuture(clock.instant().getEpochSecond());
        }
    }

    /** The machine's clock plus the offset to the exchange's, measured now and then. */
    static final class Server extends SigningTime {

        private static final Logger LOG = LoggerFactory.getLogger(SigningTime.class);
        /** After a failed measurement, try again this soon (or at the refresh period, if sooner). */
        private static final Duration AFTER_FAILURE = Duration.ofSeconds(10);

        /** Milliseconds to add to the machine's clock, and when to measure again. */
        private record Offset(long millis, Instant refreshAt) {
        }

        private final HttpTransport transport;
        private final Clock clock;
        private final Duration refreshEvery;
        private final Duration timeout;
        private volatile Offset offset;
        /** The measurement under way, which every call that needs it waits for; null when none. */
        private CompletableFuture<Offset> measuring;

        Server(HttpTransport transport, Clock clock, Duration refreshEvery, Duration timeout) {
            this.transport = transport;
            this.clock = clock;
            this.refreshEvery = refreshEvery;
            this.timeout = timeout;
        }

        @Override
        CompletableFuture<Long> nowSeconds() {
            return current().thenApply(known -> Math.floorDiv(clock.instant().toEpochMilli() + known.millis(), 1000L));
        }

        /** The offset, measured first when there is none or it is due; one measurement at a time. */
        private synchronized CompletableFuture<Offset> current() {
            if (offset != null && clock.instant().isBefore(offset.refreshAt())) {
                return CompletableFuture.completedFuture(offset);
            }
            if (measuring == null) {
                CompletableFuture<Offset> started = measure();
                // One that ended at once (a closed client) has already cleared the field.
                if (!started.isDone()) {
                    measuring = started;
                }
                return started;
            }
            return measuring;
        }

        private CompletableFuture<Offset> measure() {
            Instant sent = clock.instant();
            return transport.send(HttpMethod.GET, "/time", Map.of(), null, timeout).handle((response, failure) -> {
                Instant received = clock.instant();
                Offset next = null;
                String problem = failure == null ? null : failure.getMessage() != null ? failure.getMessage() : failure.toString();
                if (failure == null) {
                    try {
                        next = new Offset(offsetMillis(response, sent, received), received.plus(refreshEvery));
                        LOG.debug("the exchange's clock is {} ms ahead of this machine's", next.millis());
                    } catch (IllegalStateException unreadable) {
                        problem = unreadable.getMessage();
                    }
                }
                if (next == null) {
                    // Never fail a cancel for want of the exchange's time: sign with the best known.
                    Offset kept = offset;
                    Duration retryIn = refreshEvery.compareTo(AFTER_FAILURE) < 0 ? refreshEvery : AFTER_FAILURE;
                    next = new Offset(kept == null ? 0 : kept.millis(), received.plus(retryIn));
                    LOG.warn("could not read the exchange's clock ({}); signing with {} for the next {}", problem,
                            kept == null ? "this machine's clock" : "the offset last measured", Durations.show(retryIn));
                }
                synchronized (this) {
                    offset = next;
                    measuring = null;
                }
                return next;
            });
        }

        /** The exchange's reading, taken to have been made at the middle of the round trip. */
        private static long offsetMillis(HttpTransport.Response response, Instant sent, Instant received) {
            if (response.status() != 200) {
                throw new IllegalStateException("GET /time answered HTTP " + response.status());
            }
            String text = new String(response.body(), StandardCharsets.US_ASCII).trim();
            long serverMillis;
            try {
                BigDecimal seconds = new BigDecimal(text);
                // Whole seconds are cut, not rounded: the exchange's clock read somewhere in that second.
                serverMillis = seconds.movePointRight(3).longValue() + (seconds.scale() <= 0 ? 500 : 0);
            } catch (NumberFormatException e) {
                throw new IllegalStateException("GET /time answered \"" + (text.length() > 40 ? text.substring(0, 40) + "..." : text)
                        + "\", not unix seconds");
            }
            long middle = sent.toEpochMilli() + (received.toEpochMilli() - sent.toEpochMilli()) / 2;
            return serverMillis - middle;
        }
    }
}
