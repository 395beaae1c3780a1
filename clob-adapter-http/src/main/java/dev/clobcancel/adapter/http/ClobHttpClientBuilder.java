package dev.clobcancel.adapter.http;

import dev.clobcancel.domain.auth.L2Signer;
import dev.clobcancel.domain.model.Address;
import dev.clobcancel.domain.model.ApiCredentials;
import dev.clobcancel.domain.retry.Durations;
import dev.clobcancel.domain.retry.RetryPolicy;
import dev.clobcancel.domain.time.Scheduler;
import io.vertx.core.Vertx;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * Builds a {@link ClobHttpClient}; host, credentials and address are required, everything else
 * has the default its setter names.
 *
 * <pre>{@code
 * ClobHttpClient clob = ClobHttpClient.builder()
 *         .host("https://clob.polymarket.com")
 *         .credentials(credentials)
 *         .address(address)
 *         .deadline(Duration.ofSeconds(10))
 *         .build();
 * }</pre>
 */
public final class ClobHttpClientBuilder {

    /** None of the official clients sets a timeout; a cancel that hangs is worse than one that fails. */
    public static final Duration DEFAULT_ATTEMPT_TIMEOUT = Duration.ofSeconds(5);
    /** Long enough to ride out a short restart of the matching engine (425s), short enough to act on. */
    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(30);
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(3);
    public static final int DEFAULT_MAX_CONNECTIONS = 16;
    /** Requests that may wait for a free connection before a call fails at once. */
    public static final int DEFAULT_MAX_QUEUED_REQUESTS = HttpTransport.DEFAULT_MAX_QUEUED_REQUESTS;
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
    private int maxQueuedRequests = DEFAULT_MAX_QUEUED_REQUESTS;
    private Executor completionExecutor;
    private boolean completeOnEventLoop;

    /** A builder with every default; {@link ClobHttpClient#builder()} is the same. */
    public ClobHttpClientBuilder() {
    }

    /** The CLOB's URL, such as {@code https://clob.polymarket.com}: http or https, no path. */
    public ClobHttpClientBuilder host(String url) {
        Objects.requireNonNull(url, "host");
        URI parsed;
        try {
            parsed = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("host is not a URL: " + url, e);
        }
        return host(parsed);
    }

    public ClobHttpClientBuilder host(URI url) {
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

    public ClobHttpClientBuilder credentials(ApiCredentials credentials) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        return this;
    }

    /** The address that owns the API key, sent as {@code POLY_ADDRESS}. */
    public ClobHttpClientBuilder address(Address address) {
        this.address = Objects.requireNonNull(address, "address");
        return this;
    }

    /** The longest one attempt may take, from sending to the whole answer (default 5 s). */
    public ClobHttpClientBuilder attemptTimeout(Duration timeout) {
        this.attemptTimeout = Durations.requirePositive(timeout, "attemptTimeout");
        return this;
    }

    /**
     * The longest a whole call may take, every attempt and every wait between them included
     * (default 30 s). No attempt starts after it, and the last is cut short to end by it.
     */
    public ClobHttpClientBuilder deadline(Duration deadline) {
        this.deadline = Durations.requirePositive(deadline, "deadline");
        return this;
    }

    /** The longest to wait for a connection (default 3 s, never more than the attempt timeout). */
    public ClobHttpClientBuilder connectTimeout(Duration timeout) {
        this.connectTimeout = Durations.requirePositive(timeout, "connectTimeout");
        return this;
    }

    /** Connections kept open to the host, each reused request after request (default 16). */
    public ClobHttpClientBuilder maxConnections(int connections) {
        if (connections < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1, not " + connections);
        }
        this.maxConnections = connections;
        return this;
    }

    /** An app already on Vert.x shares its instance; the client then leaves it open on close. */
    public ClobHttpClientBuilder vertx(Vertx vertx) {
        this.vertx = Objects.requireNonNull(vertx, "vertx");
        return this;
    }

    /** The clock that dates each signature and times the deadline (the system clock by default). */
    public ClobHttpClientBuilder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /** Which failures are sent again, and after how long ({@link RetryPolicy#defaults()} by default). */
    public ClobHttpClientBuilder retryPolicy(RetryPolicy policy) {
        this.retryPolicy = Objects.requireNonNull(policy, "retryPolicy");
        return this;
    }

    /** How the client waits between attempts (Vert.x timers by default). */
    public ClobHttpClientBuilder scheduler(Scheduler scheduler) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        return this;
    }

    /**
     * Signs with the exchange's clock rather than this machine's, measuring the offset to
     * {@code GET /time} again once {@code refreshEvery} has passed since the last measurement:
     * the first call measures it, and a call after that period measures it anew. Off by default.
     * Should {@code /time} fail, the last offset (or the machine's clock) is used, and measured
     * again 10 s later.
     *
     * @param refreshEvery how old a measurement may grow before it is taken again, such as 5 minutes
     */
    public ClobHttpClientBuilder useServerTimeRefreshedEvery(Duration refreshEvery) {
        this.serverTimeRefresh = Durations.requirePositive(refreshEvery, "refreshEvery");
        return this;
    }

    /**
     * Requests that may wait for a free connection (default 100000); past that a call fails
     * at once with a {@link dev.clobcancel.domain.failure.TransportException} of kind
     * {@code TOO_MANY_WAITING} rather than queueing without bound behind a stalled exchange.
     */
    public ClobHttpClientBuilder maxQueuedRequests(int requests) {
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
    public ClobHttpClientBuilder trustCertificate(Path pemFile) {
        this.trustedCertificate = TrustedCertificate.read(pemFile);
        return this;
    }

    /**
     * Completes every stage the client returns on {@code executor}, which the app owns (the
     * client never shuts it down). By default the client completes them on a pool of its own:
     * up to max(4, cores) daemon threads named {@code clob-completion-N}, ended after 60 s idle
     * and shut down on close. Either way a dependent that blocks holds one of those threads, not
     * the Vert.x event loop that every client on that {@code Vertx} needs.
     */
    public ClobHttpClientBuilder completionExecutor(Executor executor) {
        this.completionExecutor = Objects.requireNonNull(executor, "executor");
        this.completeOnEventLoop = false;
        return this;
    }

    /**
     * Completes every stage on the Vert.x event loop that read the answer, saving the hop to an
     * executor: for apps on Vert.x whose dependents never block. A dependent that blocks then
     * stalls every client and server on that event loop.
     */
    public ClobHttpClientBuilder completeOnEventLoop() {
        this.completeOnEventLoop = true;
        this.completionExecutor = null;
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
        Completions completions = completeOnEventLoop ? Completions.onEventLoop()
                : completionExecutor != null ? Completions.on(completionExecutor) : Completions.ownPool();
        ClobHttpClient.Shared shared = new ClobHttpClient.Shared(transport, time, calls, completions, clock);
        return new ClobHttpClient(shared, new L2Signer(credentials, address), calls, true);
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
