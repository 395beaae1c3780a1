package dev.clobcancel.simulator.ws;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a client sends on a channel, read strictly: {@code PING}; the first message
 * ({@code {"type":"user","auth":{...},"markets":[...]}} or {@code {"type":"market","assets_ids":[...]}});
 * after it, {@code {"operation":"subscribe"|"unsubscribe","markets"|"assets_ids":[...]}}.
 * Anything else is {@link Invalid}, naming what is wrong.
 */
sealed interface ClientMessage {

    String PING = "PING";

    record Ping() implements ClientMessage {
    }

    /** The first message: the channel's type, the credentials (user channel), the ids to hear (empty: all markets). */
    record Subscribe(String type, String apiKey, String secret, String passphrase, List<String> ids) implements ClientMessage {
    }

    /** A change of what the connection hears. */
    record Operation(boolean subscribe, List<String> ids) implements ClientMessage {
    }

    record Invalid(String problem) implements ClientMessage {
    }

    /**
     * A message as received, each field as the JSON gave it, for {@link #parse} to check: the
     * first message's {@code type} and {@code auth}, a later one's {@code operation}, and the ids
     * in {@code markets} (user channel) or {@code assets_ids} (market channel).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Received(Object type, Object operation, Object auth, Object markets, Object assetsIds) {
    }

    /** @param idsField {@code markets} on the user channel, {@code assets_ids} on the market channel */
    static ClientMessage parse(String text, String idsField) {
        if (text.equals(PING)) {
            return new Ping();
        }
        Received json;
        try {
            json = EventJson.CLIENT_MESSAGE.readValue(text);
        } catch (MismatchedInputException notAnObject) {
            return new Invalid("a message must be a JSON object or PING");
        } catch (IOException e) {
            return new Invalid("not JSON and not PING");
        }
        if (json == null) {
            return new Invalid("a message must be a JSON object or PING");
        }
        List<String> ids = new ArrayList<>();
        Object array = idsField.equals("markets") ? json.markets() : json.assetsIds();
        if (array != null) {
            if (!(array instanceof List<?> list)) {
                return new Invalid(idsField + " must be an array of strings");
            }
            for (Object id : list) {
                if (!(id instanceof String idText) || idText.isEmpty()) {
                    return new Invalid(idsField + " must be an array of strings");
                }
                ids.add(idText);
            }
        }
        Object operation = json.operation();
        Object type = json.type();
        if (operation != null && type != null) {
            return new Invalid("a message has a type (to subscribe first) or an operation (after), not both");
        }
        if (operation != null) {
            String name = operation instanceof String op ? op.toLowerCase(Locale.ROOT) : "";
            if (!name.equals("subscribe") && !name.equals("unsubscribe")) {
                return new Invalid("operation must be subscribe or unsubscribe");
            }
            return new Operation(name.equals("subscribe"), List.copyOf(ids));
        }
        if (!(type instanceof String typeName)) {
            return new Invalid("the first message needs a type; later ones an operation");
        }
        if (json.auth() != null && !(json.auth() instanceof Map<?, ?>)) {
            return new Invalid("auth must be an object of apiKey, secret and passphrase");
        }
        Map<?, ?> auth = (Map<?, ?>) json.auth();
        return new Subscribe(typeName.toLowerCase(Locale.ROOT), text(auth, "apiKey"), text(auth, "secret"),
                text(auth, "passphrase"), List.copyOf(ids));
    }

    private static String text(Map<?, ?> auth, String field) {
        Object value = auth == null ? null : auth.get(field);
        return value instanceof String text ? text : null;
    }
}
