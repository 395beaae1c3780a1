package dev.clobcancel.simulator;

import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The set-up the WebSocket channel tests share besides {@link ExchangeTestBase}'s: one Vert.x
 * instance for the class's test clients ({@link TestChannel}), closed after the class.
 */
abstract class ChannelTestBase extends ExchangeTestBase {

    static Vertx vertx;

    @BeforeAll
    static void startClient() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopClient() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }
}
