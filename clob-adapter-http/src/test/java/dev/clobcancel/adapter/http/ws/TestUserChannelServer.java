package dev.clobcancel.adapter.http.ws;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny user channel on a random loopback port that speaks the exchange's documented messages
 * and no more: it records what the client sends, answers {@code PING} with {@code PONG} (unless
 * told to stop), sends whatever events the test gives it, and drops connections on demand. It
 * checks nothing, so that the tests see exactly what the client sent.
 */
public final class TestUserChannelServer implements AutoCloseable {

    private static final long PATIENCE_SECONDS = 20;

    private final Vertx vertx = Vertx.vertx();
    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final List<ServerWebSocket> open = new CopyOnWriteArrayList<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private final BlockingQueue<ServerWebSocket> connections = new LinkedBlockingQueue<>();
    private volatile boolean answerPings = true;
    private final HttpServer server;

    private TestUserChannelServer() throws Exception {
        server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0))
                .webSocketHandler(ws -> {
                    if (!ws.path().equals("/ws/user")) {
                        ws.close();
                        return;
                    }
                    accepted.incrementAndGet();
                    open.add(ws);
                    ws.closeHandler(nothing -> open.remove(ws));
                    ws.textMessageHandler(text -> {
                        received.add(text);
                        if (text.equals("PING") && answerPings) {
                            ws.writeTextMessage("PONG");
                        }
                    });
                    connections.add(ws);
                })
                .listen().toCompletionStage().toCompletableFuture().get(PATIENCE_SECONDS, TimeUnit.SECONDS);
    }

    public static TestUserChannelServer start() throws Exception {
        return new TestUserChannelServer();
    }

    public URI url() {
        return URI.create("ws://127.0.0.1:" + server.actualPort() + "/ws/user");
    }

    /** The next text message any client sent. */
    public String nextMessage() throws InterruptedException {
        String message = received.poll(PATIENCE_SECONDS, TimeUnit.SECONDS);
        assertThat(message).as("a message from the client within %d s", PATIENCE_SECONDS).isNotNull();
        return message;
    }

    /** Waits for the next connection the client opens. */
    public void awaitConnection() throws InterruptedException {
        assertThat(connections.poll(PATIENCE_SECONDS, TimeUnit.SECONDS)).as("a connection within %d s", PATIENCE_SECONDS)
                .isNotNull();
    }

    public void answerPings(boolean answer) {
        this.answerPings = answer;
    }

    /** Sends {@code text} on every open connection. */
    public void send(String text) {
        open.forEach(ws -> ws.writeTextMessage(text));
    }

    /** Closes every open connection, as a server that restarts does. */
    public void dropConnections() {
        open.forEach(ServerWebSocket::close);
    }

    public int connectionsAccepted() {
        return accepted.get();
    }

    @Override
    public void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(PATIENCE_SECONDS, TimeUnit.SECONDS);
    }
}
