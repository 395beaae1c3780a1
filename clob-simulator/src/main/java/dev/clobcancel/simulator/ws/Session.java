package dev.clobcancel.simulator.ws;

import dev.clobcancel.simulator.faults.ChannelFaultAction;
import dev.clobcancel.simulator.faults.ChannelFaultRule;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The conversation on one connection: its first message subscribes (and, on the user channel,
 * authenticates), later ones change what it hears, {@code PING} is answered {@code PONG}. A
 * malformed message is answered {@code INVALID OPERATION} and the connection closed, as the
 * exchange answers one; bad credentials close it with the reason. Runs on the connection's event
 * loop; what it hears is read from any thread.
 */
final class Session {

    /** The exchange's answer to a message it cannot take (nautilus_trader #3717, #3844). */
    static final String INVALID_OPERATION = "INVALID OPERATION";
    static final String PONG = "PONG";

    private final Channels channels;
    private final Connection connection;
    private final boolean user;
    private boolean subscribed;
    private volatile String apiKey;
    /** User channel: every market but the excluded ones, or only the included ones. */
    private volatile boolean allMarkets;
    private volatile Set<String> markets = Set.of();
    private final Set<String> assets = new HashSet<>();

    Session(Channels channels, Connection connection) {
        this.channels = channels;
        this.connection = connection;
        this.user = connection.channel().equals(ChannelFaultRule.USER);
    }

    Connection connection() {
        return connection;
    }

    String apiKey() {
        return apiKey;
    }

    /** Whether the user channel hears the events of {@code market}. */
    boolean hears(String market) {
        return allMarkets != markets.contains(market);
    }

    /** The assets the market channel hears; only on the connection's event loop. */
    Set<String> assets() {
        return assets;
    }

    void received(String text) {
        ClientMessage message = ClientMessage.parse(text, user ? "markets" : "assets_ids");
        if (message instanceof ClientMessage.Ping) {
            ping();
        } else if (message instanceof ClientMessage.Invalid invalid) {
            invalid(invalid.problem());
        } else if (message instanceof ClientMessage.Subscribe subscribe) {
            subscribe(subscribe);
        } else if (message instanceof ClientMessage.Operation operation) {
            operate(operation);
        }
    }

    private void ping() {
        ChannelFaultRule fault = channels.faults().match(connection.channel(), apiKey, true).orElse(null);
        if (fault == null || fault.action() != ChannelFaultAction.NO_PONG) {
            connection.answer(PONG);
        }
    }

    void invalid(String problem) {
        connection.refuse(INVALID_OPERATION, Connection.POLICY, INVALID_OPERATION + ": " + problem);
    }

    private void subscribe(ClientMessage.Subscribe subscribe) {
        if (subscribed) {
            invalid("already subscribed: change what you hear with an operation");
            return;
        }
        if (!subscribe.type().equals(connection.channel())) {
            invalid("type must be " + connection.channel() + " on this channel, not " + subscribe.type());
            return;
        }
        subscribed = true;
        if (user) {
            String failure = channels.authFailure(subscribe);
            if (failure != null) {
                connection.close(Connection.POLICY, Channels.INVALID_API_KEY + ": " + failure);
                return;
            }
            apiKey = subscribe.apiKey();
            allMarkets = subscribe.ids().isEmpty();
            markets = Set.copyOf(subscribe.ids());
            channels.listenAsUser(this);
        } else {
            addAssets(subscribe.ids());
        }
    }

    private void operate(ClientMessage.Operation operation) {
        if (!subscribed || (user && apiKey == null)) {
            invalid("subscribe first, with a message of type " + connection.channel());
            return;
        }
        if (!user) {
            if (operation.subscribe()) {
                addAssets(operation.ids());
            } else {
                operation.ids().forEach(asset -> {
                    if (assets.remove(asset)) {
                        channels.stopListening(asset, this);
                    }
                });
            }
            return;
        }
        // Subscribing names markets to hear; unsubscribing, markets not to. Under "all", the
        // set holds the markets left out; otherwise the markets heard.
        Set<String> changed = new HashSet<>(markets);
        if (operation.subscribe() != allMarkets) {
            changed.addAll(operation.ids());
        } else {
            operation.ids().forEach(changed::remove);
        }
        markets = Set.copyOf(changed);
    }

    private void addAssets(List<String> ids) {
        for (String asset : ids) {
            if (assets.add(asset)) {
                channels.listenToAsset(asset, this);
            }
        }
    }
}
