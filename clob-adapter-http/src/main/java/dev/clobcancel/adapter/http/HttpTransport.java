package dev.clobcancel.adapter.http;

import dev.clobcancel.adapter.http.implementation.OwnedVertx;
import dev.clobcancel.domain.failure.ClientClosedException;
import dev.clobcancel.domain.failure.TransportException;
import dev.clobcancel.domain.model.RateLimitState;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends requests to one host over a pool of kept-alive connections, each inside its own timeout,
 * and turns every failure below HTTP into a {@link TransportException}.
 */
final class HttpTransport {

    /** What came back: the status, the raw body, and a way to read a header. */
    record Response(int status, byte[] body, Map<String, String> headers) {
        String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(HttpTransport.class);
    private static final String USER_AGENT = "clob-cancel-java";
    /** Requests that may wait for a pooled connection; far above any honest burst, short of unbounded. */
    static final int DEFAULT_MAX_QUEUED_REQUESTS = 100_000;

    private final Vertx vertx;
    private final boolean ownsVertx;
    private final HttpClient http;
    private final WebClient client;
    private final URI baseUri;
    private final AtomicBoolean closed = new AtomicBoolean();

    private HttpTransport(Vertx vertx, boolean ownsVertx, HttpClient http, WebClient client, URI baseUri) {
        this.vertx = vertx;
        this.ownsVertx = ownsVertx;
        this.http = http;
        this.client = client;
        this.baseUri = baseUri;
    }

    /** @param trusted the one certificate to trust over HTTPS, or null for the JDK's authorities */
    static HttpTransport open(Vertx shared, URI host, Duration connectTimeout, int maxConnections, int maxQueued,
                              TrustedCertificate trusted) {
        boolean https = host.getScheme().equalsIgnoreCase("https");
        int port = host.getPort() != -1 ? host.getPort() : https ? 443 : 80;
        WebClientOptions options = new WebClientOptions()
                .setDefaultHost(host.getHost())
                .setDefaultPort(port)
                .setSsl(https)
                .setVerifyHost(true)
                .setConnectTimeout((int) Math.max(1, connectTimeout.toMillis()))
                .setKeepAlive(true)
                .setUserAgent(USER_AGENT);
        if (trusted != null) {
            options.setTrustOptions(trusted.trustOptions());
        }
        Vertx vertx = shared != null ? shared : Vertx.vertx();
        // A bounded queue: past it a request fails at once rather than waiting behind thousands.
        PoolOptions pool = new PoolOptions().setHttp1MaxSize(maxConnections).setMaxWaitQueueSize(maxQueued);
        HttpClient http = vertx.httpClientBuilder().with(options).with(pool)
                // A reset connection is answered as a TransportException; Vert.x would also log it as an error.
                .withConnectHandler(connection -> connection.exceptionHandler(e -> LOG.debug("connection to {}: {}", host, e.toString())))
                .build();
        return new HttpTransport(vertx, shared == null, http, WebClient.wrap(http, options), host);
    }

    URI baseUri() {
        return baseUri;
    }

    /**
     * Sends {@code body} (null for none) with exactly {@code headers}. The future fails with a
     * {@link TransportException} when no whole answer came within {@code timeout}.
     */
    CompletableFuture<Response> send(HttpMethod method, String path, Map<String, String> headers, byte[] body,
                                     Duration timeout) {
        String what = method.name() + " " + path;
        if (closed.get()) {
            return CompletableFuture.failedFuture(new ClientClosedException("the client is closed: " + what + " was not sent", 0));
        }
        long timeoutMs = Math.max(1, timeout.toMillis());
        HttpRequest<Buffer> request = client.request(method, path).timeout(timeoutMs);
        headers.forEach(request::putHeader);
        CompletableFuture<Response> answer = new CompletableFuture<>();
        long deadline = vertx.setTimer(timeoutMs, id -> answer.completeExceptionally(timedOut(what, timeoutMs, null)));
        long started = System.nanoTime();
        var sent = body == null ? request.send() : request.sendBuffer(Buffer.buffer(body));
        sent.onComplete(result -> {
            vertx.cancelTimer(deadline);
            if (result.succeeded()) {
                var response = result.result();
                LOG.debug("{} answered {} in {} us", what, response.statusCode(), (System.nanoTime() - started) / 1000);
                Map<String, String> names = new java.util.HashMap<>();
                response.headers().forEach(h -> names.putIfAbsent(h.getKey().toLowerCase(java.util.Locale.ROOT), h.getValue()));
                Buffer raw = response.body();
                answer.complete(new Response(response.statusCode(), raw == null ? new byte[0] : raw.getBytes(), names));
            } else {
                TransportException failure = transportFailure(what, timeoutMs, result.cause());
                LOG.debug("{} failed: {}", what, failure.getMessage());
                answer.completeExceptionally(failure);
            }
        });
        return answer;
    }

    /** Runs {@code task} on a Vert.x timer: the client's default way to wait between attempts. */
    void schedule(Duration delay, Runnable task) {
        vertx.setTimer(Math.max(1, delay.toMillis()), id -> task.run());
    }

    private TransportException timedOut(String what, long timeoutMs, Throwable cause) {
        return failed(TransportException.Kind.TIMEOUT, what + " to " + baseUri + " got no answer within " + timeoutMs + " ms",
                cause);
    }

    /**
     * The kind of a failure below HTTP, by its cause and the causes under it: a certificate not
     * trusted, or not naming the host, is told apart from a handshake that was merely cut short,
     * since the first two never heal and are not retried.
     */
    private TransportException transportFailure(String what, long timeoutMs, Throwable cause) {
        String to = what + " to " + baseUri;
        if (cause instanceof TimeoutException) {
            return timedOut(what, timeoutMs, cause);
        }
        if (has(cause, UnknownHostException.class)) {
            return failed(TransportException.Kind.UNKNOWN_HOST, to + ": the host name " + baseUri.getHost()
                    + " does not resolve (" + cause.getMessage() + ")", cause);
        }
        if (cause instanceof ConnectException || cause instanceof NoRouteToHostException) {
            return failed(TransportException.Kind.CONNECT_REFUSED, to + ": could not connect (" + cause.getMessage() + ")", cause);
        }
        if (cause instanceof ConnectionPoolTooBusyException) {
            return failed(TransportException.Kind.TOO_MANY_WAITING, to + ": not sent, too many requests already wait for a "
                    + "connection (" + cause.getMessage() + ")", cause);
        }
        if (has(cause, SSLException.class)) {
            Throwable certificate = find(cause, CertificateException.class);
            if (certificate != null && isHostNameMismatch(certificate)) {
                return failed(TransportException.Kind.HOST_NAME_MISMATCH, to + ": the server's certificate does not name "
                        + baseUri.getHost() + " (" + certificate.getMessage() + ")", cause);
            }
            if (certificate != null || has(cause, CertPathBuilderException.class) || has(cause, CertPathValidatorException.class)) {
                return failed(TransportException.Kind.CERTIFICATE, to + ": the server's certificate is not trusted ("
                        + rootMessage(cause) + ")", cause);
            }
            return failed(TransportException.Kind.TLS, to + ": TLS failed (" + cause.getMessage() + ")", cause);
        }
        if (cause instanceof HttpClosedException || cause instanceof IOException) {
            return failed(TransportException.Kind.CONNECTION_RESET, to + ": connection closed before the answer ("
                    + cause.getMessage() + ")", cause);
        }
        return failed(TransportException.Kind.UNKNOWN, to + " failed: " + cause, cause);
    }

    private static TransportException failed(TransportException.Kind kind, String message, Throwable cause) {
        return new TransportException(kind, message, cause, RateLimitState.NONE, 1);
    }

    /**
     * The JDK's host-name check says so in its message ("No subject alternative names matching
     * IP address ...", "No name matching ... found", "No subject alternative DNS name matching ...").
     */
    private static boolean isHostNameMismatch(Throwable certificate) {
        String message = String.valueOf(certificate.getMessage());
        return message.startsWith("No subject alternative") || message.startsWith("No name matching");
    }

    private static boolean has(Throwable failure, Class<? extends Throwable> type) {
        return find(failure, type) != null;
    }

    /** {@code failure} or the first of its causes that is a {@code type}; the chain is bounded. */
    private static Throwable find(Throwable failure, Class<? extends Throwable> type) {
        Throwable at = failure;
        for (int depth = 0; at != null && depth < 16; depth++, at = at.getCause()) {
            if (type.isInstance(at)) {
                return at;
            }
        }
        return null;
    }

    private static String rootMessage(Throwable failure) {
        Throwable at = failure;
        for (int depth = 0; at.getCause() != null && depth < 16; depth++) {
            at = at.getCause();
        }
        return at.getMessage() != null ? at.getMessage() : at.toString();
    }

    /**
     * Closes the connections and, when the client made its own Vert.x, waits for it to stop, so
     * that no thread or socket outlives the client. On an event loop it cannot wait, and does not.
     */
    void close() {
        if (closed.compareAndSet(false, true)) {
            client.close();
            http.close();
            if (ownsVertx) {
                OwnedVertx.closeAndWait(vertx);
            }
        }
    }
}
