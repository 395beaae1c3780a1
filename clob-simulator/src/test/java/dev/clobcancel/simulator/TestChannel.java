package dev.clobcancel.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clobcancel.domain.model.ApiCredentials;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * A real WebSocket client of a channel for tests: it keeps every text message in arrival order
 * and waits for the next one, or for the close, within a bounded time (never a sleep).
 */
final class TestChannel implements AutoCloseable {

    /** Far longer than any message takes on loopback; a test that waits this long has failed. */
    static final long WAIT_SECONDS = 10;

    /** How the server closed the connection: its close code (null: dropped without a close frame) and reason. */
    record Closed(Short code, String reason) {
    }

    private final WebSocket socket;
    private final LinkedBlockingDeque<String> messages = new LinkedBlockingDeque<>();
    private final CompletableFuture<Closed> closed = new CompletableFuture<>();

    private TestChannel(WebSocket socket) {
        this.socket = socket;
        socket.textMessageHandler(messages::add);
        socket.closeHandler(v -> closed.complete(new Closed(socket.closeStatusCode(), socket.closeReason())));
    }

    static TestChannel open(Vertx vertx, URI uri) {
        WebSocketClient client = vertx.createWebSocketClient();
        WebSocketConnectOptions options = new WebSocketConnectOptions().setHost(uri.getHost()).setPort(uri.getPort()).setURI(uri.getPath());
        return new TestChannel(await(client.connect(options).toCompletionStage().toCompletableFuture()));
    }

    /** Opens the user channel and subscribes with {@code credentials} to {@code markets} (none: all); returns once subscribed. */
    static TestChannel user(Vertx vertx, ClobSimulator sim, ApiCredentials credentials, String... markets) {
        TestChannel channel = open(vertx, sim.userChannelUri());
        channel.send("{\"auth\":{\"apiKey\":\"" + credentials.apiKey() + "\",\"secret\":\"" + credentials.secret()
                + "\",\"passphrase\":\"" + credentials.passphrase() + "\"},\"type\":\"user\",\"markets\":" + array(markets) + "}");
        channel.roundTrip();
        return channel;
    }

    /** Opens the market channel and subscribes to {@code assets}; returns once subscribed, its books first in line. */
    static TestChannel market(Vertx vertx, ClobSimulator sim, String... assets) {
        TestChannel channel = open(vertx, sim.marketChannelUri());
        channel.send("{\"assets_ids\":" + array(assets) + ",\"type\":\"market\"}");
        channel.roundTrip();
        return channel;
    }

    static String array(String... ids) {
        return List.of(ids).stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(",", "[", "]"));
    }

    void send(String text) {
        await(socket.writeTextMessage(text).toCompletionStage().toCompletableFuture());
    }

    /** The next message as text, waiting for it. */
    String nextText() {
        try {
            String message = messages.poll(WAIT_SECONDS, TimeUnit.SECONDS);
            if (message == null) {
                throw new AssertionError("no message within " + WAIT_SECONDS + " s");
            }
            return message;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The next message as JSON, waiting for it. */
    JsonNode next() {
        String text = nextText();
        try {
            return TestHttp.JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + text, e);
        }
    }

    /** The next {@code count} messages as JSON. */
    List<JsonNode> next(int count) {
        List<JsonNode> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(next());
        }
        return out;
    }

    /** The messages that have come and not been taken, without waiting. */
    List<String> waiting() {
        List<String> out = new ArrayList<>();
        messages.drainTo(out);
        return out;
    }

    /** Sends PING and waits for the answer: every message sent before the PONG has come. */
    void roundTrip() {
        send("PING");
        List<String> before = new ArrayList<>();
        String message;
        while (!(message = nextText()).equals("PONG")) {
            before.add(message);
        }
        for (int i = before.size() - 1; i >= 0; i--) {
            messages.addFirst(before.get(i));
        }
    }

    /** Waits for the server to close the connection. */
    Closed awaitClose() {
        return await(closed);
    }

    boolean isClosed() {
        return closed.isDone();
    }

    WebSocket socket() {
        return socket;
    }

    @Override
    public void close() {
        if (!closed.isDone()) {
            socket.close();
            awaitClose();
        }
    }

    static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("not done within " + WAIT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
