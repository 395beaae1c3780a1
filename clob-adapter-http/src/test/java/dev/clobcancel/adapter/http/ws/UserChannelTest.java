package dev.clobcancel.adapter.http.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clobcancel.domain.events.OrderEvent;
import dev.clobcancel.domain.events.TradeEvent;
import dev.clobcancel.domain.events.UserEvent;
import dev.clobcancel.domain.events.UserEventListener;
import dev.clobcancel.domain.failure.TransportException;
import dev.clobcancel.domain.model.ApiCredentials;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The user channel's protocol, against a real WebSocket server on loopback that speaks the
 * exchange's documented messages: what the client sends, what it reads, and how it keeps the
 * connection. Time moves only when the test runs a scheduled task.
 */
class UserChannelTest {

    static final ApiCredentials CREDS = new ApiCredentials("11111111-1111-4111-8111-111111111111",
            "vcR0iVnub9lwyp10npV5pN2CvxEdTzNIyk1CUjESPmE=", "alice-passphrase");
    static final String MARKET = "0x" + "5f".repeat(32);
    static final String ORDER = "0x" + "ab".repeat(32);
    /** Jitter mid-range: every delay is exactly three quarters of its ceiling. */
    static final RandomGenerator MID_JITTER = () -> Long.MIN_VALUE;
    static final Duration PING = Duration.ofSeconds(10);
    static final Duration SUBSCRIBE_TIMEOUT = Duration.ofSeconds(5);

    private TestUserChannelServer server;
    private ManualScheduler time;
    private UserChannel channel;
    private final Events events = new Events();

    /** Records what the channel told the listener, in order. */
    static final class Events implements UserEventListener {
        final BlockingQueue<Object> seen = new LinkedBlockingQueue<>();

        @Override
        public void onEvent(UserEvent event) {
            seen.add(event);
        }

        @Override
        public void onSubscribed() {
            seen.add("subscribed");
        }

        @Override
        public void onDisconnected(String reason) {
            seen.add("disconnected: " + reason);
        }

        Object next() throws InterruptedException {
            Object next = seen.poll(20, TimeUnit.SECONDS);
            assertThat(next).as("something told to the listener within 20 s").isNotNull();
            return next;
        }
    }

    @BeforeEach
    void start() throws Exception {
        server = TestUserChannelServer.start();
        time = new ManualScheduler();
    }

    @AfterEach
    void stop() throws Exception {
        if (channel != null) {
            channel.close();
        }
        server.close();
    }

    private UserChannel.Builder channelOf(URI url) {
        return UserChannel.builder().url(url).credentials(CREDS).scheduler(time).random(MID_JITTER);
    }

    private static <T> T result(CompletionStage<T> stage) throws Exception {
        return stage.toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    /** Subscribes the test's listener and reads the subscription and the PING that acknowledges it. */
    private void subscribed() throws Exception {
        CompletionStage<?> subscribed = channel.subscribe(events);
        server.nextMessage();
        assertThat(server.nextMessage()).isEqualTo("PING");
        result(subscribed);
        assertThat(events.next()).isEqualTo("subscribed");
    }

    @Test
    void subscribesWithTheDocumentedMessageThenAPingWhosePongSaysTheSubscriptionWasTaken() throws Exception {
        channel = channelOf(server.url()).markets(List.of(MARKET)).build();

        CompletionStage<?> subscribed = channel.subscribe(events);

        assertThat(server.nextMessage()).isEqualTo("{\"auth\":{\"apiKey\":\"" + CREDS.apiKey() + "\",\"secret\":\""
                + CREDS.secret() + "\",\"passphrase\":\"" + CREDS.passphrase() + "\"},\"type\":\"user\",\"markets\":[\""
                + MARKET + "\"]}");
        assertThat(server.nextMessage()).isEqualTo("PING");
        result(subscribed);
        assertThat(channel.isSubscribed()).isTrue();
    }

    @Test
    void withNoMarketTheSubscriptionLeavesMarketsOutAndSoFollowsEveryMarket() throws Exception {
        channel = channelOf(server.url()).build();

        channel.subscribe(events);

        assertThat(server.nextMessage()).doesNotContain("markets").endsWith("\"type\":\"user\"}");
    }

    @Test
    void aSecondSubscriberOnATakenSubscriptionIsReadyAtOnceOnTheSameConnection() throws Exception {
        channel = channelOf(server.url()).build();
        subscribed();

        result(channel.subscribe(new Events()));

        assertThat(server.connectionsAccepted()).isEqualTo(1);
    }

    @Test
    void readsOrderEventsIntoTheirFields() throws Exception {
        channel = channelOf(server.url()).build();
        subscribed();

        server.send("{\"event_type\":\"order\",\"type\":\"CANCELLATION\",\"id\":\"" + ORDER + "\",\"owner\":\"" + CREDS.apiKey()
                + "\",\"market\":\"" + MARKET + "\",\"asset_id\":\"123\",\"side\":\"BUY\",\"original_size\":\"10\","
                + "\"size_matched\":\"4\",\"price\":\"0.5\",\"associate_trades\":[\"t-1\"],\"outcome\":\"YES\","
                + "\"order_type\":\"GTC\",\"status\":\"CANCELED\",\"created_at\":\"1700000000\",\"expiration\":\"0\","
                + "\"maker_address\":\"0x9fB29AAc15b9A4B7F17c3385939b007540f4d791\",\"timestamp\":\"1700000001\"}");

        assertThat(events.next()).isEqualTo(new OrderEvent(OrderEvent.Type.CANCELLATION, ORDER, CREDS.apiKey(), MARKET, "123",
                "BUY", "10", "4", "0.5", "CANCELED", List.of("t-1"), "1700000001"));
    }

    @Test
    void readsTradeEventsWithTheirMakerOrders() throws Exception {
        channel = channelOf(server.url()).build();
        subscribed();

        server.send("{\"event_type\":\"trade\",\"type\":\"TRADE\",\"id\":\"trade-1\",\"taker_order_id\":\"0x01\","
                + "\"market\":\"" + MARKET + "\",\"asset_id\":\"123\",\"side\":\"BUY\",\"size\":\"10\",\"price\":\"0.57\","
                + "\"status\":\"MATCHED\",\"match_time\":\"1672290701\",\"maker_orders\":[{\"order_id\":\"" + ORDER
                + "\",\"matched_amount\":\"10\"}],\"owner\":\"" + CREDS.apiKey() + "\",\"trader_side\":\"TAKER\","
                + "\"timestamp\":\"1672290702\"}");

        assertThat(events.next()).isEqualTo(new TradeEvent("trade-1", "0x01", MARKET, "123", "BUY", "10", "0.57", "MATCHED",
                "1672290701", List.of(ORDER), CREDS.apiKey(), "TAKER", "1672290702"));
    }

    @Test
    void readsAnArrayOfEventsInOrderAndSkipsWhatIsNotAnEventItKnows() throws Exception {
        channel = channelOf(server.url()).build();
        subscribed();

        server.send("not json");
        server.send("[{\"event_type\":\"order\",\"type\":\"PLACEMENT\",\"id\":\"0x01\"},{\"event_type\":\"book\"},"
                + "{\"event_type\":\"order\",\"type\":\"SOMETHING_NEW\",\"id\":\"0x02\"},"
                + "{\"event_type\":\"order\",\"type\":\"UPDATE\",\"id\":\"0x03\"}]");

        assertThat(((OrderEvent) events.next()).id()).isEqualTo("0x01");
        assertThat(((OrderEvent) events.next()).id()).isEqualTo("0x03");
        assertThat(server.connectionsAccepted()).as("a bad message does not cost the connection").isEqualTo(1);
    }

    @Test
    void pingsEveryTenSeconds() throws Exception {
        channel = channelOf(server.url()).build();
        subscribed();

        time.run(PING);

        assertThat(server.nextMessage()).isEqualTo("PING");
        assertThat(time.has(PING)).as("the next ping is scheduled").isTrue();
    }

    @Test
    void aPingUnansweredByTheNextDropsTheConnectionAndTheChannelReconnectsAndSubscribesAgain() throws Exception {
        channel = channelOf(server.url()).markets(List.of(MARKET)).build();
        subscribed();
        server.answerPings(false);

        time.run(PING);
        assertThat(server.nextMessage()).isEqualTo("PING");
        server.answerPings(true);
        time.run(PING);

        assertThat(events.next()).isEqualTo("disconnected: no PONG within 10 s");
        time.run(Duration.ofMillis(750));
        assertThat(server.nextMessage()).contains("\"type\":\"user\"").contains(MARKET);
        assertThat(server.nextMessage()).isEqualTo("PING");
        assertThat(events.next()).isEqualTo("subscribed");
    }

    @Test
    void aDroppedConnectionIsMadeAgainAfterACappedExponentialBackoffAndEventsFlowAgain() throws Exception {
        channel = channelOf(server.url()).reconnectBackoff(Duration.ofSeconds(1), Duration.ofSeconds(3)).build();
        subscribed();
        server.close();

        assertThat(events.next()).asString().startsWith("disconnected: closed by the server");
        // Nothing listens any more: each attempt fails, and waits twice as long, up to the cap.
        time.run(Duration.ofMillis(750));
        time.run(Duration.ofMillis(1500));
        time.run(Duration.ofMillis(2250));
        time.run(Duration.ofMillis(2250));
        time.take(Duration.ofMillis(2250)); // and again, at the cap
        server = TestUserChannelServer.start(); // for the teardown
    }

    @Test
    void afterTheServerDropsTheConnectionTheChannelSubscribesAgainAndDeliversTheEventsSentThen() throws Exception {
        channel = channelOf(server.url()).markets(List.of(MARKET)).build();
        subscribed();

        server.dropConnections();
        assertThat(events.next()).asString().startsWith("disconnected: closed by the server");
        time.run(Duration.ofMillis(750));
        server.awaitConnection();
        server.awaitConnection();
        assertThat(events.next()).isEqualTo("subscribed");
        server.send("{\"event_type\":\"order\",\"type\":\"CANCELLATION\",\"id\":\"" + ORDER + "\"}");

        assertThat(((OrderEvent) events.next()).type()).isEqualTo(OrderEvent.Type.CANCELLATION);
        assertThat(server.connectionsAccepted()).isEqualTo(2);
    }

    @Test
    void marketsAreChangedWithTheDocumentedOperationsAndKeptAcrossReconnections() throws Exception {
        channel = channelOf(server.url()).markets(List.of(MARKET)).build();
        subscribed();
        String other = "0x" + "7a".repeat(32);

        channel.subscribeMarkets(List.of(other));
        channel.unsubscribeMarkets(List.of(MARKET));

        assertThat(server.nextMessage()).isEqualTo("{\"operation\":\"subscribe\",\"markets\":[\"" + other + "\"]}");
        assertThat(server.nextMessage()).isEqualTo("{\"operation\":\"unsubscribe\",\"markets\":[\"" + MARKET + "\"]}");
        server.dropConnections();
        time.run(Duration.ofMillis(750));
        assertThat(server.nextMessage()).endsWith("\"markets\":[\"" + other + "\"]}");
    }

    @Test
    void aSubscriptionNotTakenInTimeFailsAndItsListenerHearsNothing() throws Exception {
        server.answerPings(false);
        channel = channelOf(server.url()).build();

        CompletionStage<?> subscribed = channel.subscribe(events);
        server.nextMessage();
        time.run(SUBSCRIBE_TIMEOUT);

        assertThatThrownBy(() -> result(subscribed)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(TransportException.class)
                .hasMessage("the user channel " + server.url() + " did not take the subscription within 5 s");
        server.send("{\"event_type\":\"order\",\"type\":\"PLACEMENT\",\"id\":\"0x01\"}");
        server.answerPings(true);
        assertThat(events.seen).isEmpty();
    }

    @Test
    void aMessageLargerThanTheLimitDropsTheConnectionAndTheChannelReconnects() throws Exception {
        channel = channelOf(server.url()).maxMessageBytes(1024).build();
        subscribed();

        server.send("{\"event_type\":\"order\",\"type\":\"PLACEMENT\",\"id\":\"" + "0".repeat(2048) + "\"}");

        assertThat(events.next()).asString().startsWith("disconnected");
        time.run(Duration.ofMillis(750));
        assertThat(events.next()).isEqualTo("subscribed");
    }

    @Test
    void neverShowsTheSecretOrPassphrase() {
        channel = channelOf(server.url()).build();

        assertThat(channel.toString()).contains(CREDS.apiKey()).doesNotContain(CREDS.secret()).doesNotContain(CREDS.passphrase());
    }

    @Test
    void theChannelOfTheExchangesClobIsItsSubscriptionHostAndOfAnyOtherTheSameHostAndPort() {
        assertThat(UserChannel.urlFor(URI.create("https://clob.polymarket.com")))
                .isEqualTo(URI.create("wss://ws-subscriptions-clob.polymarket.com/ws/user"));
        assertThat(UserChannel.urlFor(URI.create("http://127.0.0.1:8080"))).isEqualTo(URI.create("ws://127.0.0.1:8080/ws/user"));
        assertThat(UserChannel.urlFor(URI.create("https://localhost:8443"))).isEqualTo(URI.create("wss://localhost:8443/ws/user"));
    }

    @Test
    void refusesAUrlThatIsNotAWebSocketOne() {
        assertThatThrownBy(() -> UserChannel.builder().url("http://127.0.0.1:1/ws/user"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("the user channel's URL must be ws or wss, not http://127.0.0.1:1/ws/user");
        assertThatThrownBy(() -> UserChannel.builder().url("ws://127.0.0.1:1/ws/market"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must have no path or /ws/user");
    }
}
