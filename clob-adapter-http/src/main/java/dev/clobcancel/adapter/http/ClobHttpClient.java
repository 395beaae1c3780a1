package dev.clobcancel.adapter.http;

import dev.clobcancel.domain.auth.L2Signer;
import dev.clobcancel.domain.model.Address;
import dev.clobcancel.domain.model.ApiCredentials;
import dev.clobcancel.domain.model.CancelResult;
import dev.clobcancel.domain.model.OrderId;
import dev.clobcancel.domain.port.CancelOrderPort;
import io.vertx.core.Vertx;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

/**
 * Cancels orders on a CLOB over HTTP: the exchange itself, or the simulator.
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
 * Immutable and thread-safe: build one per account and share it. Stages complete on a Vert.x
 * event-loop thread: do blocking work in an {@code ...Async} stage of your own executor.
 */
public final class ClobHttpClient implements CancelOrderPort, AutoCloseable {

    private final CancelRequests cancels;
    private final HttpTransport transport;

    private ClobHttpClient(CancelRequests cancels, HttpTransport transport) {
        this.cancels = cancels;
        this.transport = transport;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public CompletionStage<CancelResult> cancelOrder(OrderId orderId) {
        Objects.requireNonNull(orderId, "orderId");
        return cancels.cancelOrder(orderId);
    }

    /** Closes the connections, and the Vert.x instance when the client made its own. */
    @Override
    public void close() {
        transport.close();
    }

    @Override
    public String toString() {
        return "ClobHttpClient[" + transport.baseUri() + ", " + cancels.signer() + "]";
    }

    /** Builds a {@link ClobHttpClient}; host, credentials and address are required. */
    public static final class Builder {

        /** None of the official clients sets a timeout; a cancel that hangs is worse than one that fails. */
        public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(5);
        public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(3);
        public static final int DEFAULT_MAX_CONNECTIONS = 16;

        private URI host;
        private ApiCredentials credentials;
        private Address address;
        private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private int maxConnections = DEFAULT_MAX_CONNECTIONS;
        private Vertx vertx;
        private Clock clock = Clock.systemUTC();

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

        /** The longest a call may take, from sending to the whole answer (default 5 s). */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = positive(timeout, "requestTimeout");
            return this;
        }

        /** The longest to wait for a connection (default 3 s, never more than the request timeout). */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connectTimeout");
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

        /** The clock that dates each request's signature (the system clock by default). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public ClobHttpClient build() {
            require(host, "host");
            require(credentials, "credentials");
            require(address, "address");
            Duration connect = connectTimeout.compareTo(requestTimeout) > 0 ? requestTimeout : connectTimeout;
            HttpTransport transport = HttpTransport.open(vertx, host, requestTimeout, connect, maxConnections);
            return new ClobHttpClient(new CancelRequests(transport, new L2Signer(credentials, address), clock), transport);
        }

        private static void require(Object value, String name) {
            if (value == null) {
                throw new IllegalStateException(name + " is required: call ." + name + "(...) before build()");
            }
        }

        private static Duration positive(Duration timeout, String name) {
            Objects.requireNonNull(timeout, name);
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, not " + timeout);
            }
            return timeout;
        }
    }
}
