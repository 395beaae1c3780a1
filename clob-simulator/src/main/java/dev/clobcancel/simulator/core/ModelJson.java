package dev.clobcancel.simulator.core;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clobcancel.domain.model.Address;
import dev.clobcancel.domain.model.ApiCredentials;
import dev.clobcancel.simulator.exchange.ExchangeMode;
import dev.clobcancel.simulator.exchange.MarketSpec;
import dev.clobcancel.simulator.exchange.NewOrder;
import dev.clobcancel.simulator.exchange.RejectedException;
import dev.clobcancel.simulator.exchange.Side;
import dev.clobcancel.simulator.exchange.SimAccount;
import dev.clobcancel.simulator.faults.ChannelFaultAction;
import dev.clobcancel.simulator.faults.ChannelFaultRule;
import dev.clobcancel.simulator.faults.FaultAction;
import dev.clobcancel.simulator.faults.FaultRule;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulator's things read from JSON (or YAML): accounts, markets, orders, fault rules, whole
 * scenarios. One reader for the admin API and the {@code --config} file, so both accept the same.
 */
public final class ModelJson {

    private ModelJson() {
    }

    public static SimAccount account(JsonNode json, String where) {
        JsonFields.object(json, where.isEmpty() ? "an account" : where);
        try {
            ApiCredentials credentials = new ApiCredentials(JsonFields.requiredText(json, "apiKey", where),
                    JsonFields.requiredText(json, "secret", where), JsonFields.requiredText(json, "passphrase", where));
            return SimAccount.of(credentials, Address.of(JsonFields.requiredText(json, "address", where)));
        } catch (IllegalArgumentException e) {
            throw RejectedException.badRequest(where + e.getMessage());
        }
    }

    public static NewOrder order(JsonNode json, String where) {
        JsonFields.object(json, where.isEmpty() ? "an order" : where);
        String side = JsonFields.requiredText(json, "side", where);
        if (!side.equals("BUY") && !side.equals("SELL")) {
            throw RejectedException.badRequest(where + "side must be BUY or SELL, not " + side);
        }
        Integer delayedMs = JsonFields.optionalInt(json, "delayedMs", where);
        return new NewOrder(JsonFields.optionalText(json, "id", where), JsonFields.requiredText(json, "owner", where),
                JsonFields.requiredText(json, "market", where), JsonFields.requiredText(json, "assetId", where),
                Side.valueOf(side), JsonFields.optionalDecimal(json, "price", where), JsonFields.optionalDecimal(json, "size", where),
                delayedMs == null ? null : Duration.ofMillis(delayedMs));
    }

    /** One order, or an array of them. */
    public static List<NewOrder> orders(JsonNode json) {
        List<NewOrder> orders = new ArrayList<>();
        if (json.isArray()) {
            if (json.isEmpty()) {
                throw RejectedException.badRequest("the array of orders is empty");
            }
            for (int i = 0; i < json.size(); i++) {
                orders.add(order(json.get(i), "order " + i + ": "));
            }
        } else {
            orders.add(order(JsonFields.object(json, "an order or an array of orders"), ""));
        }
        return orders;
    }

    /**
     * {@code {"market": "0x...", "assets": ["123", "456"]}}, and optionally the outcomes' names
     * ({@code "outcomes": ["Yes", "No"]}, one per asset), {@code "tickSize"} (default 0.01),
     * {@code "negRisk"} (default false), {@code "minOrderSize"} (default 5) and
     * {@code "takerDelayMs"} (default 0).
     */
    public static MarketSpec market(JsonNode json, String where) {
        JsonFields.object(json, where.isEmpty() ? "a market" : where);
        String market = JsonFields.requiredText(json, "market", where);
        List<String> assets = JsonFields.optionalTextArray(json, "assets", where);
        if (assets.isEmpty()) {
            throw RejectedException.badRequest(where + "assets must list at least one asset (token) id");
        }
        List<String> outcomes = JsonFields.optionalTextArray(json, "outcomes", where);
        if (!outcomes.isEmpty() && outcomes.size() != assets.size()) {
            throw RejectedException.badRequest(where + "outcomes must name one outcome per asset, " + assets.size() + " of them");
        }
        List<MarketSpec.Token> tokens = new ArrayList<>();
        for (int i = 0; i < assets.size(); i++) {
            tokens.add(new MarketSpec.Token(assets.get(i), outcomes.isEmpty() ? "" : outcomes.get(i)));
        }
        Integer delayMs = JsonFields.optionalInt(json, "takerDelayMs", where);
        try {
            return new MarketSpec(market, tokens, JsonFields.optionalDecimal(json, "tickSize", where), flag(json, "negRisk", where),
                    JsonFields.optionalDecimal(json, "minOrderSize", where), delayMs == null ? null : Duration.ofMillis(delayMs));
        } catch (RejectedException e) {
            throw RejectedException.badRequest(where + e.getMessage());
        }
    }

    private static boolean flag(JsonNode json, String field, String where) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw RejectedException.badRequest(where + field + " must be true or false");
        }
        return value.booleanValue();
    }

    public static FaultRule fault(JsonNode json, String where) {
        JsonFields.object(json, where.isEmpty() ? "a fault" : where);
        try {
            String action = JsonFields.optionalText(json, "action", where);
            Integer delayMs = JsonFields.optionalInt(json, "delayMs", where);
            if (delayMs != null && (delayMs < 0 || delayMs > FaultRule.MAX_DELAY.toMillis())) {
                throw new IllegalArgumentException("delayMs must be 0 to " + FaultRule.MAX_DELAY.toMillis() + ", not " + delayMs);
            }
            return new FaultRule(JsonFields.optionalText(json, "method", where), JsonFields.optionalText(json, "path", where),
                    JsonFields.optionalInt(json, "times", where), JsonFields.optionalInt(json, "status", where),
                    faultBody(json), faultHeaders(json, where), delayMs == null ? Duration.ZERO : Duration.ofMillis(delayMs),
                    action == null ? FaultAction.RESPOND : FaultAction.fromJson(action), probability(json, where));
        } catch (IllegalArgumentException e) {
            throw RejectedException.badRequest(where + e.getMessage());
        }
    }

    /**
     * A fault rule of the WebSocket channels: {@code {"action": "drop"|"delay"|"lose"|"no-pong",
     * "channel": "user"|"market", "apiKey", "times", "delayMs", "probability"}}.
     */
    public static ChannelFaultRule channelFault(JsonNode json) {
        JsonFields.object(json, "a channel fault");
        try {
            String action = JsonFields.requiredText(json, "action", "");
            Integer delayMs = JsonFields.optionalInt(json, "delayMs", "");
            return new ChannelFaultRule(JsonFields.optionalText(json, "channel", ""), JsonFields.optionalText(json, "apiKey", ""),
                    ChannelFaultAction.fromJson(action), JsonFields.optionalInt(json, "times", ""),
                    delayMs == null ? 0 : delayMs, probability(json, ""));
        } catch (IllegalArgumentException e) {
            throw RejectedException.badRequest(e.getMessage());
        }
    }

    public static ExchangeMode mode(JsonNode json) {
        return ExchangeMode.fromJson(JsonFields.requiredText(json, "mode", ""));
    }

    /** A scenario: {@code accounts}, {@code markets}, {@code orders}, {@code mode}, {@code faults}, {@code rateLimits}. */
    public static Scenario scenario(JsonNode json) {
        JsonFields.object(json, "a scenario");
        Iterator<String> names = json.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!List.of("accounts", "markets", "orders", "mode", "faults", "rateLimits").contains(name)) {
                throw RejectedException.badRequest("unknown field " + name
                        + ": a scenario has accounts, markets, orders, mode, faults and rateLimits");
            }
        }
        List<SimAccount> accounts = new ArrayList<>();
        List<JsonNode> accountNodes = JsonFields.optionalArray(json, "accounts");
        for (int i = 0; i < accountNodes.size(); i++) {
            accounts.add(account(accountNodes.get(i), "accounts[" + i + "]: "));
        }
        List<MarketSpec> markets = new ArrayList<>();
        List<JsonNode> marketNodes = JsonFields.optionalArray(json, "markets");
        for (int i = 0; i < marketNodes.size(); i++) {
            markets.add(market(marketNodes.get(i), "markets[" + i + "]: "));
        }
        List<NewOrder> orders = new ArrayList<>();
        List<JsonNode> orderNodes = JsonFields.optionalArray(json, "orders");
        for (int i = 0; i < orderNodes.size(); i++) {
            orders.add(order(orderNodes.get(i), "orders[" + i + "]: "));
        }
        List<FaultRule> faults = new ArrayList<>();
        List<JsonNode> faultNodes = JsonFields.optionalArray(json, "faults");
        for (int i = 0; i < faultNodes.size(); i++) {
            faults.add(fault(faultNodes.get(i), "faults[" + i + "]: "));
        }
        String mode = JsonFields.optionalText(json, "mode", "");
        JsonNode rateLimits = json.get("rateLimits");
        if (rateLimits != null && !rateLimits.isBoolean() && !rateLimits.isNull()) {
            throw RejectedException.badRequest("rateLimits must be true or false");
        }
        return new Scenario(accounts, markets, orders, mode == null ? ExchangeMode.NORMAL : ExchangeMode.fromJson(mode),
                faults, rateLimits != null && rateLimits.asBoolean());
    }

    private static Double probability(JsonNode json, String where) {
        JsonNode value = json.get("probability");
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber()) {
            throw RejectedException.badRequest(where + "probability must be a number from 0 to 1");
        }
        return value.doubleValue();
    }

    /** A string is sent as it is; any other JSON value is sent as its JSON text. */
    private static String faultBody(JsonNode json) {
        JsonNode value = json.get("body");
        if (value == null || value.isNull()) {
            return null;
        }
        return value.isTextual() ? value.asText() : value.toString();
    }

    private static Map<String, String> faultHeaders(JsonNode json, String where) {
        JsonNode value = json.get("headers");
        if (value == null || value.isNull()) {
            return Map.of();
        }
        if (!value.isObject()) {
            throw RejectedException.badRequest(where + "headers must be an object of header names to strings");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> header = it.next();
            if (!header.getValue().isTextual() && !header.getValue().isNumber()) {
                throw RejectedException.badRequest(where + "header " + header.getKey() + " must be a string");
            }
            headers.put(header.getKey(), header.getValue().asText());
        }
        return headers;
    }
}
