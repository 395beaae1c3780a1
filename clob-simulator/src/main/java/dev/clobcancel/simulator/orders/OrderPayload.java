package dev.clobcancel.simulator.orders;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clobcancel.simulator.eip712.Eip712;
import dev.clobcancel.simulator.eip712.OrderV2;
import dev.clobcancel.simulator.eip712.Secp256k1;
import java.math.BigInteger;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the body of one order as {@code @polymarket/clob-client-v2} 1.1.0 sends it
 * ({@code orderToJsonV2}): {@code {order: {salt, maker, signer, tokenId, makerAmount, takerAmount,
 * side, signatureType, timestamp, expiration, metadata, builder, signature}, owner, orderType,
 * postOnly, deferExec}}. A V1 order ({@code nonce}, {@code feeRateBps}, no {@code timestamp}) is
 * refused with the exchange's {@code order_version_mismatch}, which the official clients read to
 * re-sign for the current version; anything else malformed is {@code Invalid order payload}.
 */
public final class OrderPayload {

    /** The exchange's answer to a body it cannot read. */
    public static final String INVALID_ORDER_PAYLOAD = "Invalid order payload";
    /** The exchange's answer to an order of another version (V1 after 28 April 2026). */
    public static final String ORDER_VERSION_MISMATCH = "order_version_mismatch";

    private static final Set<String> ORDER_TYPES = Set.of("GTC", "GTD", "FOK", "FAK");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,80}");
    private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");
    private static final Pattern BYTES32 = Pattern.compile("0x[0-9a-fA-F]{64}");
    private static final BigInteger TWO_256 = BigInteger.ONE.shiftLeft(256);
    private static final BigInteger MAX_EXPIRATION = BigInteger.valueOf(Long.MAX_VALUE);

    private OrderPayload() {
    }

    /** The order of one body element; throws {@link SignedOrderRefusedException} naming what is wrong. */
    public static PostedOrder read(JsonNode body) {
        if (body == null || !body.isObject() || !body.path("order").isObject()) {
            throw invalid("the body must be an object with an \"order\" object");
        }
        JsonNode order = body.get("order");
        if (order.has("feeRateBps") || order.has("nonce") || !order.has("timestamp")) {
            throw SignedOrderRefusedException.badRequest(ORDER_VERSION_MISMATCH,
                    "a V1 order (nonce, feeRateBps, taker, no timestamp/metadata/builder); the exchange takes V2 orders since 28 April 2026");
        }
        OrderV2 v2;
        try {
            v2 = new OrderV2(uint(order, "salt"), address(order, "maker"), address(order, "signer"), uint(order, "tokenId"),
                    uint(order, "makerAmount"), uint(order, "takerAmount"), side(order.get("side")),
                    smallInt(order, "signatureType", 3), uint(order, "timestamp"), bytes32(order, "metadata"), bytes32(order, "builder"));
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
        BigInteger expiration = order.hasNonNull("expiration") ? uint(order, "expiration") : BigInteger.ZERO;
        if (expiration.compareTo(MAX_EXPIRATION) > 0) {
            throw SignedOrderRefusedException.badRequest("invalid expiration", "expiration " + expiration + " is not unix seconds");
        }
        String signatureText = text(order, "signature");
        byte[] signature;
        try {
            signature = Eip712.hex(signatureText, Secp256k1.SIGNATURE_BYTES, "signature");
        } catch (IllegalArgumentException e) {
            throw invalid("order.signature is not 0x and 130 hex digits");
        }
        String owner = text(body, "owner");
        String orderType = text(body, "orderType");
        if (!ORDER_TYPES.contains(orderType)) {
            throw invalid("orderType must be GTC, GTD, FOK or FAK, not " + orderType);
        }
        return new PostedOrder(v2, expiration.longValueExact(), signature, owner, orderType, flag(body, "postOnly"), flag(body, "deferExec"));
    }

    private static SignedOrderRefusedException invalid(String detail) {
        return SignedOrderRefusedException.badRequest(INVALID_ORDER_PAYLOAD, detail);
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            throw invalid(field + " must be a non-empty string");
        }
        return value.asText();
    }

    /** A uint256 sent as decimal digits, in a string or a JSON integer (the client sends the salt as a number). */
    private static BigInteger uint(JsonNode json, String field) {
        JsonNode value = json.get(field);
        String digits = value == null ? null : value.isTextual() ? value.asText() : value.isIntegralNumber() ? value.bigIntegerValue().toString() : null;
        if (digits == null || !DIGITS.matcher(digits).matches()) {
            throw invalid("order." + field + " must be an unsigned integer in decimal digits");
        }
        BigInteger number = new BigInteger(digits);
        if (number.compareTo(TWO_256) >= 0) {
            throw invalid("order." + field + " does not fit in a uint256");
        }
        return number;
    }

    private static String address(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null || !value.isTextual() || !ADDRESS.matcher(value.asText()).matches()) {
            throw invalid("order." + field + " must be an address, 0x and 40 hex digits");
        }
        return value.asText();
    }

    private static String bytes32(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null || !value.isTextual() || !BYTES32.matcher(value.asText()).matches()) {
            throw invalid("order." + field + " must be a bytes32, 0x and 64 hex digits");
        }
        return value.asText();
    }

    private static int smallInt(JsonNode json, String field, int max) {
        JsonNode value = json.get(field);
        if (value == null || !value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() < 0 || value.asInt() > max) {
            throw invalid("order." + field + " must be an integer from 0 to " + max);
        }
        return value.asInt();
    }

    /** "BUY"/"SELL" as the client sends it, or 0/1 as the signed struct has it. */
    private static int side(JsonNode value) {
        String side = value == null ? "" : value.asText();
        return switch (side) {
            case "BUY", "0" -> 0;
            case "SELL", "1" -> 1;
            default -> throw invalid("order.side must be BUY or SELL");
        };
    }

    private static boolean flag(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw invalid(field + " must be true or false");
        }
        return value.asBoolean();
    }
}
