package dev.clobcancel.simulator.http;

import dev.clobcancel.simulator.exchange.ExchangeMode;
import dev.clobcancel.simulator.exchange.OrderStatus;
import dev.clobcancel.simulator.exchange.OrderType;
import dev.clobcancel.simulator.exchange.Side;
import dev.clobcancel.simulator.journal.SimEvent;
import dev.clobcancel.simulator.ratelimit.Tier;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The names the wire gives the exchange's enums, which the model does not know: modes in
 * kebab case ({@code cancel-only}), tiers and the rate-limit settings in lower case
 * ({@code gold}, {@code documented}), sides, order statuses and order types as the exchange
 * spells them ({@code BUY}, {@code LIVE}, {@code GTC}).
 */
final class WireNames {

    private WireNames() {
    }

    /** {@code normal}, {@code cancel-only}, {@code post-only}, {@code disabled}, {@code restarting}. */
    static String mode(ExchangeMode mode) {
        return mode.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static ExchangeMode mode(String name) {
        return parse(ExchangeMode.values(), WireNames::mode, "mode", name);
    }

    /** {@code heartbeat-lapse}, {@code gtd-expiry}: the kind of an event the simulator made itself ({@code GET /_sim/events}). */
    static String eventKind(SimEvent.Kind kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** {@code standard} ... {@code elite}, in JSON and in {@code Poly-RateLimit-Tier}. */
    static String tier(Tier tier) {
        return lowerCase(tier);
    }

    static Tier tier(String name) {
        return parse(Tier.values(), WireNames::tier, "tier", name);
    }

    /** A setting of the rate limits, in lower case ({@code documented}, {@code before}, {@code cancel}). */
    static String lowerCase(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /** The setting named {@code name} in field {@code field}; a 400 listing the names when there is none. */
    static <E extends Enum<E>> E setting(E[] values, String field, String name) {
        for (E value : values) {
            if (lowerCase(value).equals(name)) {
                return value;
            }
        }
        throw RequestRefused.badRequest(field + " must be one of " + Arrays.stream(values).map(WireNames::lowerCase).toList()
                + ", not " + name);
    }

    static String side(Side side) {
        return side.name();
    }

    static Side side(String name) {
        return parse(Side.values(), WireNames::side, "side", name);
    }

    static String status(OrderStatus status) {
        return status.name();
    }

    static String orderType(OrderType type) {
        return type.name();
    }

    private static <E extends Enum<E>> E parse(E[] values, java.util.function.Function<E, String> names, String field, String name) {
        for (E value : values) {
            if (names.apply(value).equals(name)) {
                return value;
            }
        }
        throw RequestRefused.badRequest(field + " must be " + or(values, names) + ", not " + name);
    }

    /** {@code a, b or c}. */
    private static <E extends Enum<E>> String or(E[] values, java.util.function.Function<E, String> names) {
        String all = Arrays.stream(values).map(names).collect(Collectors.joining(", "));
        int last = all.lastIndexOf(", ");
        return last < 0 ? all : all.substring(0, last) + " or " + all.substring(last + 2);
    }
}
