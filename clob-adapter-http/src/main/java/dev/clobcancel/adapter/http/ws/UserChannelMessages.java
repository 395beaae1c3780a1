package dev.clobcancel.adapter.http.ws;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clobcancel.domain.events.OrderEvent;
import dev.clobcancel.domain.events.TradeEvent;
import dev.clobcancel.domain.events.UserEvent;
import dev.clobcancel.domain.model.ApiCredentials;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * The user channel's messages, as the exchange documents them
 * (docs.polymarket.com/market-data/websocket/user-channel): what the client sends, written in
 * the documented field order, and the order and trade events it receives, read into domain values.
 */
final class UserChannelMessages {

    /** The client's keep-alive, and the server's answer: plain text, not JSON. */
    static final String PING = "PING";
    static final String PONG = "PONG";

    private static final ObjectMapper JSON = new ObjectMapper();

    record Auth(String apiKey, String secret, String passphrase) {
    }

    /** {@code {"auth":{...},"type":"user","markets":[...]}}; no {@code markets} key for every market. */
    @JsonPropertyOrder({"auth", "type", "markets"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Subscribe(Auth auth, String type, List<String> markets) {
    }

    /** {@code {"operation":"subscribe","markets":[...]}}. */
    @JsonPropertyOrder({"operation", "markets"})
    record Operation(String operation, List<String> markets) {
    }

    private UserChannelMessages() {
    }

    /** The first message on a connection. It holds the secret: it is sent, never logged. */
    static String subscribe(ApiCredentials credentials, Collection<String> markets) {
        Auth auth = new Auth(credentials.apiKey(), credentials.secret(), credentials.passphrase());
        return write(new Subscribe(auth, "user", markets.isEmpty() ? null : List.copyOf(markets)));
    }

    /** {@code operation} is {@code subscribe} or {@code unsubscribe}. */
    static String operation(String operation, Collection<String> markets) {
        return write(new Operation(operation, List.copyOf(markets)));
    }

    /**
     * The events in a message: one object, or an array of them. Objects of other event types are
     * skipped, as are order events of a type this client does not know.
     *
     * @throws IllegalArgumentException when the message is not JSON, or an event lacks its id
     */
    static List<UserEvent> events(String text) {
        JsonNode json;
        try {
            json = JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON");
        }
        List<UserEvent> events = new ArrayList<>();
        if (json != null && json.isArray()) {
            json.forEach(element -> addEvent(element, events));
        } else if (json != null) {
            addEvent(json, events);
        }
        return events;
    }

    private static void addEvent(JsonNode json, List<UserEvent> events) {
        if (!json.isObject()) {
            return;
        }
        String eventType = text(json, "event_type");
        if ("order".equals(eventType)) {
            OrderEvent.Type type = orderType(text(json, "type"));
            if (type != null) {
                events.add(new OrderEvent(type, required(json, "id", "order"), text(json, "owner"), text(json, "market"),
                        text(json, "asset_id"), text(json, "side"), text(json, "original_size"), text(json, "size_matched"),
                        text(json, "price"), text(json, "status"), texts(json.get("associate_trades")), text(json, "timestamp")));
            }
        } else if ("trade".equals(eventType)) {
            List<String> makers = new ArrayList<>();
            JsonNode makerOrders = json.get("maker_orders");
            if (makerOrders != null && makerOrders.isArray()) {
                makerOrders.forEach(maker -> {
                    String id = text(maker, "order_id");
                    if (id != null) {
                        makers.add(id);
                    }
                });
            }
            events.add(new TradeEvent(required(json, "id", "trade"), text(json, "taker_order_id"), text(json, "market"),
                    text(json, "asset_id"), text(json, "side"), text(json, "size"), text(json, "price"), text(json, "status"),
                    text(json, "match_time"), makers, text(json, "owner"), text(json, "trader_side"), text(json, "timestamp")));
        }
    }

    private static OrderEvent.Type orderType(String type) {
        if (type == null) {
            return null;
        }
        try {
            return OrderEvent.Type.valueOf(type.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    private static String required(JsonNode json, String field, String what) {
        String value = text(json, field);
        if (value == null) {
            throw new IllegalArgumentException("an " + what + " event without " + field);
        }
        return value;
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value == null || value.isNull() || value.isContainerNode() ? null : value.asText();
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(value -> {
                if (value.isValueNode() && !value.isNull()) {
                    values.add(value.asText());
                }
            });
        }
        return values;
    }

    private static String write(Object message) {
        try {
            return JSON.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + message.getClass().getSimpleName(), e);
        }
    }
}
