package dev.clobcancel.simulator.http;

import dev.clobcancel.domain.model.Address;
import dev.clobcancel.domain.model.ApiCredentials;
import dev.clobcancel.simulator.core.Scenario;
import dev.clobcancel.simulator.exchange.ExchangeMode;
import dev.clobcancel.simulator.exchange.InvalidInputException;
import dev.clobcancel.simulator.exchange.MarketSpec;
import dev.clobcancel.simulator.exchange.NewOrder;
import dev.clobcancel.simulator.exchange.SimAccount;
import dev.clobcancel.simulator.faults.ChannelFaultAction;
import dev.clobcancel.simulator.faults.ChannelFaultRule;
import dev.clobcancel.simulator.faults.FaultAction;
import dev.clobcancel.simulator.faults.FaultRule;
import dev.clobcancel.simulator.ratelimit.Tier;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.IntFunction;

/**
 * The bodies the admin API and the {@code --config} file take, as records that Jackson reads
 * ({@link WireJson}: a field of the wrong type or one no body has is refused, naming it), each
 * turned into the simulator's own things by a method that checks what types cannot say. One
 * reader for both, so both accept the same. Errors are prefixed with {@code where}: {@code ""},
 * {@code "order 1: "} in a batch, {@code "orders[0]: "} in a scenario.
 */
final class AdminBodies {

    private AdminBodies() {
    }

    /** {@code {"apiKey", "secret", "passphrase", "address", "tier"?}}. */
    record AccountBody(String apiKey, String secret, String passphrase, String address, String tier) {

        SimAccount account(String where) {
            try {
                ApiCredentials credentials = new ApiCredentials(required(apiKey, "apiKey", where), required(secret, "secret", where),
                        required(passphrase, "passphrase", where));
                return SimAccount.of(credentials, Address.of(required(address, "address", where)));
            } catch (IllegalArgumentException e) {
                throw RequestRefused.badRequest(where + e.getMessage());
            }
        }

        /** The tier asked for, {@code standard} when none. */
        Tier checkedTier() {
            return tier == null ? Tier.STANDARD : WireNames.tier(tier);
        }
    }

    /** {@code {"tier": "gold"}}. */
    record TierBody(String tier) {
        Tier checkedTier() {
            return WireNames.tier(required(tier, "tier", ""));
        }
    }

    /**
     * {@code {"market": "0x...", "assets": ["123", "456"]}}, and optionally the outcomes' names
     * ({@code "outcomes": ["Yes", "No"]}, one per asset), {@code "tickSize"} (default 0.01),
     * {@code "negRisk"} (default false), {@code "minOrderSize"} (default 5) and
     * {@code "takerDelayMs"} (default 0).
     */
    record MarketBody(String market, List<String> assets, List<String> outcomes, BigDecimal tickSize, Boolean negRisk,
                      BigDecimal minOrderSize, Integer takerDelayMs) {

        MarketSpec spec(String where) {
            String conditionId = required(market, "market", where);
            List<String> assetIds = assets == null ? List.of() : assets;
            if (assetIds.isEmpty()) {
                throw RequestRefused.badRequest(where + "assets must list at least one asset (token) id");
            }
            List<String> names = outcomes == null ? List.of() : outcomes;
            if (!names.isEmpty() && names.size() != assetIds.size()) {
                throw RequestRefused.badRequest(where + "outcomes must name one outcome per asset, " + assetIds.size() + " of them");
            }
            if (takerDelayMs != null && takerDelayMs < 0) {
                throw RequestRefused.badRequest(where + "takerDelayMs must be 0 or more");
            }
            try {
                List<MarketSpec.Token> tokens = new ArrayList<>();
                for (int i = 0; i < assetIds.size(); i++) {
                    tokens.add(new MarketSpec.Token(assetIds.get(i), names.isEmpty() ? "" : names.get(i)));
                }
                return new MarketSpec(conditionId, tokens, tickSize, Boolean.TRUE.equals(negRisk), minOrderSize,
                        takerDelayMs == null ? null : Duration.ofMillis(takerDelayMs));
            } catch (InvalidInputException e) {
                throw RequestRefused.badRequest(where + e.getMessage());
            }
        }
    }

    /** An order to seed: {@code {"id"?, "owner", "market", "assetId", "side", "price", "size", "delayedMs"?}}. */
    record OrderBody(String id, String owner, String market, String assetId, String side, BigDecimal price, BigDecimal size,
                     Integer delayedMs) {

        NewOrder order(String where) {
            String sideName = required(side, "side", where);
            if (!sideName.equals("BUY") && !sideName.equals("SELL")) {
                throw RequestRefused.badRequest(where + "side must be BUY or SELL, not " + sideName);
            }
            if (delayedMs != null && delayedMs <= 0) {
                throw RequestRefused.badRequest(where + "delayedMs must be more than 0");
            }
            return new NewOrder(id, required(owner, "owner", where), required(market, "market", where),
                    required(assetId, "assetId", where), WireNames.side(sideName), price, size,
                    delayedMs == null ? null : Duration.ofMillis(delayedMs));
        }
    }

    /** The orders of {@code POST /_sim/orders}: one, or an array of them. */
    static List<NewOrder> orders(byte[] body) {
        if (!WireJson.isArray(body)) {
            return List.of(WireJson.read(body, OrderBody.class).order(""));
        }
        List<OrderBody> orders = WireJson.readList(body, OrderBody.class);
        if (orders.isEmpty()) {
            throw RequestRefused.badRequest("the array of orders is empty");
        }
        return each(orders, (order, where) -> order.order(where), i -> "order " + i + ": ");
    }

    /**
     * A fault rule of the exchange endpoints: {@code {"method", "path", "times", "status", "body",
     * "headers", "delayMs", "action", "probability"}}; a body that is not a string is sent as its JSON.
     */
    record FaultBody(String method, String path, Integer times, Integer status, Object body, Map<String, Object> headers,
                     Integer delayMs, String action, Double probability) {

        FaultRule rule(String where) {
            try {
                if (delayMs != null && (delayMs < 0 || delayMs > FaultRule.MAX_DELAY.toMillis())) {
                    throw new IllegalArgumentException("delayMs must be 0 to " + FaultRule.MAX_DELAY.toMillis() + ", not " + delayMs);
                }
                return new FaultRule(method, path, times, status, bodyText(), headers(where),
                        delayMs == null ? Duration.ZERO : Duration.ofMillis(delayMs),
                        action == null ? FaultAction.RESPOND : FaultAction.fromJson(action), probability);
            } catch (IllegalArgumentException e) {
                throw RequestRefused.badRequest(where + e.getMessage());
            }
        }

        private String bodyText() {
            return body == null || body instanceof String ? (String) body : new String(WireJson.write(body), StandardCharsets.UTF_8);
        }

        private Map<String, String> headers(String where) {
            Map<String, String> out = new LinkedHashMap<>();
            if (headers != null) {
                headers.forEach((name, value) -> {
                    if (!(value instanceof String) && !(value instanceof Number)) {
                        throw RequestRefused.badRequest(where + "header " + name + " must be a string");
                    }
                    out.put(name, value.toString());
                });
            }
            return out;
        }
    }

    /**
     * A fault rule of the WebSocket channels: {@code {"action": "drop"|"delay"|"lose"|"no-pong",
     * "channel": "user"|"market", "apiKey", "times", "delayMs", "probability"}}.
     */
    record ChannelFaultBody(String action, String channel, String apiKey, Integer times, Integer delayMs, Double probability) {

        ChannelFaultRule rule() {
            try {
                return new ChannelFaultRule(channel, apiKey, ChannelFaultAction.fromJson(required(action, "action", "")), times,
                        delayMs == null ? 0 : delayMs, probability);
            } catch (IllegalArgumentException e) {
                throw RequestRefused.badRequest(e.getMessage());
            }
        }
    }

    /** A scenario: {@code accounts}, {@code markets}, {@code orders}, {@code mode}, {@code faults}, {@code rateLimits}. */
    record ScenarioBody(List<AccountBody> accounts, List<MarketBody> markets, List<OrderBody> orders, String mode,
                        List<FaultBody> faults, Boolean rateLimits) {

        Scenario scenario() {
            return new Scenario(each(accounts, AccountBody::account, i -> "accounts[" + i + "]: "),
                    each(markets, MarketBody::spec, i -> "markets[" + i + "]: "),
                    each(orders, OrderBody::order, i -> "orders[" + i + "]: "),
                    mode == null ? ExchangeMode.NORMAL : WireNames.mode(mode),
                    each(faults, FaultBody::rule, i -> "faults[" + i + "]: "),
                    Boolean.TRUE.equals(rateLimits));
        }
    }

    /** Each element turned into its thing, its errors prefixed by {@code where.apply(index)}; none when absent. */
    private static <B, T> List<T> each(List<B> bodies, BiFunction<B, String, T> convert, IntFunction<String> where) {
        List<T> out = new ArrayList<>();
        for (int i = 0; bodies != null && i < bodies.size(); i++) {
            if (bodies.get(i) == null) {
                throw RequestRefused.badRequest(where.apply(i) + "must be a JSON object, not null");
            }
            out.add(convert.apply(bodies.get(i), where.apply(i)));
        }
        return out;
    }

    static String required(String value, String field, String where) {
        if (value == null) {
            throw RequestRefused.badRequest(where + field + " is required");
        }
        return value;
    }
}
