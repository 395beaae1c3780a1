package dev.clobcancel.adapter.http;

import dev.clobcancel.domain.auth.L2Signer;
import dev.clobcancel.domain.model.Address;
import dev.clobcancel.domain.model.ApiCredentials;
import dev.clobcancel.domain.model.CancelResult;
import dev.clobcancel.domain.model.MarketCancel;
import dev.clobcancel.domain.model.OrderId;
import dev.clobcancel.domain.model.OrderState;
import dev.clobcancel.domain.port.CancelOrderPort;
import dev.clobcancel.domain.port.HeartbeatPort;
import dev.clobcancel.domain.port.OrderReadPort;
import dev.clobcancel.domain.retry.Durations;
import dev.clobcancel.domain.retry.RetryPolicy;
import io.vertx.core.Vertx;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Cancels orders on a CLOB over HTTP, the exchange itself or the simulator, and sends the
 * heartbeats of its dead man's switch.
 *
 * <pre>{@code
 * try (ClobHttpClient clob = ClobHttpClient.builder()
 *         .host("https://clob.polymarket.com")
 *         .credentials(new ApiCredentials(key, secret, passphrase))
 *         .address(Address.of(address))
 *         .build()) {
 *     CancelResult result = clob.cancelOrder(OrderId.of(hash)).toCompletableFuture().join();
 * }
 * }</pre>
 *
 * Every call is retried as its {@link RetryPolicy} says (a cancel is idempotent, so sending it
 * again is safe), each attempt signed afresh and bounded by the attempt timeout, the whole call
 * by the deadline. Immutable and thread-safe: build one per account and share it. Stages
 * complete on a Vert.x event-loop thread: do blocking work in an {@code ...Async} stage of your
 * own executor.
 */
public final class ClobHttpClient implements CancelOrderPort, HeartbeatPort, OrderReadPort, AutoCloseable {

    /**
     * Runs a task once a delay has passed: how the client waits between attempts. Vert.x timers
     * by default; a test passes one that runs at once and records the delay.
     */
    @FunctionalInterface
    public interface Scheduler {
        void schedule(Duration delay, Runnable task);
    }

    private final SignedRequests requests;
    private final CancelRequests cancels;
    private final HeartbeatRequests heartbeats;
    private final OrderReads orders;
    private final RetryingCalls calls;
    private final HttpTransport transport;

    private ClobHttpClient(SignedRequests requests, RetryingCalls calls, HttpTransport transport) {
        this.requests = requests;
        this.cancels = new CancelRequests(requests);
        this.heartbeats = new HeartbeatRequests(requests);
        this.orders = new OrderReads(requests);
        this.calls = calls;
        this.transport = transport;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@code DELETE /order}; refused as delayed, it is sent again once the order's window has passed. */
    @Override
    public CompletionStage<CancelResult> cancelOrder(OrderId orderId) {
        Objects.requireNonNull(orderId, "orderId");
        return cancels.cancelOrder(orderId);
    }

    /**
     * {@code DELETE /orders}: each id once, at most {@value CancelRequests#MAX_BATCH} to a request
     * and no more than the burst of the signer's tier as last reported (120 before any report),
     * more in several requests sent at once, their answers merged; nothing is sent for none.
     * Ids refused as delayed are canceled again once their window has passed.
     */
    @Override
    public CompletionStage<CancelResult> cancelOrders(Collection<OrderId> orderIds) {
        Objects.requireNonNull(orderIds, "orderIds");
        return cancels.cancelOrders(orderIds);
    }

    /**
     * {@code DELETE /cancel-all}, no body; when the signer's rate limit can never let it through,
     * the live orders listed and canceled in batches ({@link dev.clobcancel.domain.model.CancelMethod#LISTED_ORDERS}).
     */
    @Override
    public CompletionStage<CancelResult> cancelAll() {
        return cancels.cancelAll();
    }

    /** {@code DELETE /cancel-market-orders}, falling back as {@link #cancelAll()} does. */
    @Override
    public CompletionStage<CancelResult> cancelMarketOrders(MarketCancel which) {
        Objects.requireNonNull(which, "which");
        return cancels.cancelMarketOrders(which);
    }

    /**
     * {@code POST /v1/heartbeats}, body {@code {"heartbeat_id":""}} (a new chain: null or
     * {@code ""}) or {@code {"heartbeat_id":"<previousId>"}}, retried as the policy says within
     * {@code within} or the deadline, whichever is shorter. A retry names the same id; when the
     * exchange moved the chain on under a lost answer, it refuses it with a
     * {@code BadRequestException} whose {@code expectedHeartbeatId()} is the id to resume from.
     */
    @Override
    public CompletionStage<String> sendHeartbeat(String previousId, Duration within) {
        return heartbeats.send(previousId, within);
    }

    /** {@code GET /data/order/{id}}, retried as a cancel is: empty when the exchange knows no such order. */
    @Override
    public CompletionStage<Optional<OrderState>> readOrder(OrderId id) {
        Objects.requireNonNull(id, "id");
        return orders.read(id);
    }

    /**
     * Closes the connections, and the Vert.x instance when the client made its own. Calls not
     * yet answered, a retry waiting included, fail with an {@link IllegalStateException}.
     */
    @Override
    public void close() {
        calls.close();
        transport.close();
    }

    @Override
    public String toString() {
        return "ClobHttpClient[" + transport.baseUri() + ", " + requests.signer() + "]";
    }

    /** Builds a {@link ClobHttpClient}; host, credentials and address are required. */
    public static final class Builder {

        /** None of the official clients sets a timeout; a cancel that hangs is worse than one that fails. */
        public static final Duration DEFAULT_ATTEMPT_TIMEOUT = Duration.ofSeconds(5);
        /** Long enough to ride out a short restart of the matching engine (425s), short enough to act on. */
        public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(30);
        public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(3);
        public static final int DEFAULT_MAX_CONNECTIONS = 16;
        /** {@code GET /time} is a small answer; waiting longer for it would only delay the cancel. */
        static final Duration TIME_TIMEOUT = Duration.ofSeconds(2);

        private URI host;
        private ApiCredentials credentials;
        private Address address;
        private Duration attemptTimeout = DEFAULT_ATTEMPT_TIMEOUT;
        private Duration deadline = DEFAULT_DEADLINE;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private int maxConnections = DEFAULT_MAX_CONNECTIONS;
        private Vertx vertx;
        private Clock clock = Clock.systemUTC();
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private Scheduler scheduler;
        private Duration serverTimeRefresh;
        private TrustedCertificate trustedCertificate;
        private int maxQueuedRequests = HttpTransport.DEFAULT_MAX_QUEUED_REQUESTS;

        private Builder() {
        }

        /** The CLOB's URL, such as {@code https://clob.polymarket.com}: http or https, no path. */
        public Builder host(String url) {
            Objects.requireNonNull(url, "host");
            URI parsed;
            try {
                parsed = URI.create(url);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("host is not a URL: " + url, e);
            }
            return host(parsed);
        }

        public Builder host(URI url) {
            Objects.requireNonNull(url, "host");
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new IllegalArgumentException("host must be an http or https URL, not " + url);
            }
            if (url.getHost() == null) {
                throw new IllegalArgumentException("host URL names no host: " + url);
            }
            if (url.getRawPath() != null && !url.getRawPath().isEmpty() && !url.getRawPath().equals("/")
                    || url.getRawQuery() != null || url.getRawFragment() != null) {
                throw new IllegalArgumentException("host URL must have no path, query or fragment "
                        + "(the exchange signs the endpoint's path alone): " + url);
            }
            this.host = url;
            return this;
        }

        public Builder credentials(ApiCredentials credentials) {
            this.credentials = Objects.requireNonNull(credentials, "credentials");
            return this;
        }

        /** The address that owns the API key, sent as {@code POLY_ADDRESS}. */
        public Builder address(Address address) {
            this.address = Objects.requireNonNull(address, "address");
            return this;
        }

        /** The longest one attempt may take, from sending to the whole answer (default 5 s). */
        public Builder attemptTimeout(Duration timeout) {
            this.attemptTimeout = Durations.requirePositive(timeout, "attemptTimeout");
            return this;
        }

        /**
         * The longest a whole call may take, every attempt and every wait between them included
         * (default 30 s). No attempt starts after it, and the last is cut short to end by it.
         */
        public Builder deadline(Duration deadline) {
            this.deadline = Durations.requirePositive(deadline, "deadline");
            return this;
        }

        /** The longest to wait for a connection (default 3 s, never more than the attempt timeout). */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = Durations.requirePositive(timeout, "connectTimeout");
            return this;
        }

        /** Connections kept open to the host, each reused request after request (default 16). */
        public Builder maxConnections(int connections) {
            if (connections < 1) {
                throw new IllegalArgumentException("maxConnections must be at least 1, not " + connections);
            }
            this.maxConnections = connections;
            return this;
        }

        /** An app already on Vert.x shares its instance; the client then leaves it open on close. */
        public Builder vertx(Vertx vertx) {
            this.vertx = Objects.requireNonNull(vertx, "vertx");
            return this;
        }

        /** The clock that dates each signature and times the deadline (the system clock by default). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Which failures are sent again, and after how long ({@link RetryPolicy#defaults()} by default). */
        public Builder retryPolicy(RetryPolicy policy) {
            this.retryPolicy = Objects.requireNonNull(policy, "retryPolicy");
            return this;
        }

        /** How the client waits between attempts (Vert.x timers by default). */
        public Builder scheduler(Scheduler scheduler) {
            this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
            return this;
        }

        /**
         * Signs with the exchange's clock rather than this machine's: the first call measures
         * the offset to {@code GET /time}, and a call after {@code refreshEvery} has passed
         * measures it again. Off by default. Should {@code /time} fail, the last offset (or the
         * machine's clock) is used, and measured again 10 s later.
         */
        public Builder useServerTime(Duration refreshEvery) {
            this.serverTimeRefresh = Durations.requirePositive(refreshEvery, "refreshEvery");
            return this;
        }

        /**
         * Requests that may wait for a free connection (default 100000); past that a call fails
         * at once with a {@link dev.clobcancel.domain.failure.TransportException} rather than
         * queueing without bound behind a stalled exchange.
         */
        public Builder maxQueuedRequests(int requests) {
            if (requests < 1) {
                throw new IllegalArgumentException("maxQueuedRequests must be at least 1, not " + requests);
            }
            this.maxQueuedRequests = requests;
            return this;
        }

        /**
         * Trusts the certificate in this PEM file, in place of the JDK's certificate authorities:
         * for a simulator started with {@code --tls}. The host name is still verified. Without
         * it, HTTPS trusts the JDK's authorities, as for the exchange itself.
         */
        public Builder trustCertificate(Path pemFile) {
            this.trustedCertificate = TrustedCertificate.read(pemFile);
            return this;
        }

        public ClobHttpClient build() {
            require(host, "host");
            require(credentials, "credentials");
            require(address, "address");
            HttpTransport transport = HttpTransport.open(vertx, host, shorter(connectTimeout, attemptTimeout), maxConnections,
                    maxQueuedRequests, trustedCertificate);
            SigningTime time = serverTimeRefresh == null ? SigningTime.local(clock)
                    : SigningTime.server(transport, clock, serverTimeRefresh, shorter(TIME_TIMEOUT, shorter(attemptTimeout, deadline)));
            RetryingCalls calls = new RetryingCalls(retryPolicy, clock, scheduler != null ? scheduler : transport::schedule,
                    attemptTimeout, deadline);
            return new ClobHttpClient(new SignedRequests(transport, new L2Signer(credentials, address), time, calls,
                    new RateLimits(clock)),
                    calls, transport);
        }

        private static Duration shorter(Duration a, Duration b) {
            return a.compareTo(b) <= 0 ? a : b;
        }

        private static void require(Object value, String name) {
            if (value == null) {
                throw new IllegalStateException(name + " is required: call ." + name + "(...) before build()");
            }
        }
    }
}
