package dev.clobcancel.adapter.http;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SelfSignedCertificate;
import java.net.URI;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A loopback HTTP(S) server that holds every request until the test answers it: the test knows
 * a stage cannot have completed before it answers, so what it attaches first runs on the thread
 * that completes the stage. Over TLS its certificate is a fresh self-signed one for
 * {@code localhost}.
 */
final class HeldServer implements AutoCloseable {

    static final String CANCELED = "{\"canceled\":[\"0x" + "ab".repeat(32) + "\"],\"not_canceled\":{}}";

    private final Vertx vertx = Vertx.vertx();
    private final BlockingQueue<HttpServerRequest> held = new LinkedBlockingQueue<>();
    private final HttpServer server;
    private final SelfSignedCertificate certificate;

    private HeldServer(SelfSignedCertificate certificate) throws Exception {
        this.certificate = certificate;
        HttpServerOptions options = new HttpServerOptions().setHost("127.0.0.1").setPort(0);
        if (certificate != null) {
            options.setSsl(true).setKeyCertOptions(certificate.keyCertOptions());
        }
        server = vertx.createHttpServer(options).requestHandler(held::add).listen()
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    static HeldServer plain() throws Exception {
        return new HeldServer(null);
    }

    static HeldServer tls() throws Exception {
        return new HeldServer(SelfSignedCertificate.create("localhost"));
    }

    URI uri() {
        return URI.create((certificate != null ? "https" : "http") + "://127.0.0.1:" + server.actualPort());
    }

    /** The PEM file of the server's certificate. */
    java.nio.file.Path certificatePem() {
        return java.nio.file.Path.of(certificate.certificatePath());
    }

    /** The next request to come, waited for at most 10 s; not answered. */
    HttpServerRequest next() throws InterruptedException {
        HttpServerRequest request = held.poll(10, TimeUnit.SECONDS);
        if (request == null) {
            throw new AssertionError("no request came within 10 s");
        }
        return request;
    }

    /** Answers the next request 200 with {@code json}. */
    void answerNext(String json) throws InterruptedException {
        HttpServerRequest request = next();
        request.response().putHeader("Content-Type", "application/json").end(json);
    }

    @Override
    public void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
