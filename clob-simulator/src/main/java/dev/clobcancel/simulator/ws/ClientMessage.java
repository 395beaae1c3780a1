package dev.clobcancel.simulator.ws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clobcancel.simulator.core.JsonFields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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

    /** @param idsField {@code markets} on the user channel, {@code assets_ids} on the market channel */
    static ClientMessage parse(String text, String idsField) {
        if (text.equals(PING)) {
            return new Ping();
        }
        JsonNode json;
        try {
            json = JsonFields.MAPPER.readTree(text);
        } catch (IOException e) {
            return new Invalid("not JSON and not PING");
        }
        if (json == null || !json.isObject()) {
            return new Invalid("a message must be a JSON object or PING");
        }
        List<String> ids = new ArrayList<>();
        JsonNode array = json.get(idsField);
        if (array != null && !array.isNull()) {
            if (!array.isArray()) {
                return new Invalid(idsField + " must be an array of strings");
            }
            for (JsonNode id : array) {
                if (!id.isTextual() || id.asText().isEmpty()) {
                    return new Invalid(idsField + " must be an array of strings");
                }
                ids.add(id.asText());
            }
        }
        JsonNode operation = json.get("operation");
        JsonNode type = json.get("type");
        if (operation != null && type != null) {
            return new Invalid("a message has a type (to subscribe first) or an operation (after), not both");
        }
        if (operation != null) {
            String name = operation.isTextual() ? operation.asText().toLowerCase(Locale.ROOT) : "";
            if (!name.equals("subscribe") && !name.equals("unsubscribe")) {
                return new Invalid("operation must be subscribe or unsubscribe");
            }
            return new Operation(name.equals("subscribe"), List.copyOf(ids));
        }
        if (type == null || !type.isTextual()) {
            return new Invalid("the first message needs a type; later ones an operation");
        }
        JsonNode auth = json.get("auth");
        if (auth != null && !auth.isNull() && !auth.isObject()) {
            return new Invalid("auth must be an object of apiKey, secret and passphrase");
        }
        return new Subscribe(type.asText().toLowerCase(Locale.ROOT), text(auth, "apiKey"), text(auth, "secret"),
                text(auth, "passphrase"), List.copyOf(ids));
    }

    private static String text(JsonNode auth, String field) {
        JsonNode value = auth == null ? null : auth.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }
}
