package dev.clobcancel.simulator.http;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.clobcancel.simulator.eip712.Eip712;
import dev.clobcancel.simulator.eip712.OrderV2;
import dev.clobcancel.simulator.eip712.Secp256k1;
import dev.clobcancel.simulator.orders.PostedOrder;
import dev.clobcancel.simulator.orders.SignedOrderRefusedException;
import java.io.IOException;
import java.math.BigInteger;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The body of one order as {@code @polymarket/clob-client-v2} 1.1.0 sends it ({@code orderToJsonV2}):
 * {@code {order: {salt, maker, signer, tokenId, makerAmount, takerAmount, side, signatureType,
 * timestamp, expiration, metadata, builder, signature}, owner, orderType, postOnly, deferExec}}.
 * Fields the client may send in more than one shape (the salt as a number, the side as BUY or 0)
 * are read as they come and checked in {@link #posted()}; fields it does not send are ignored, as
 * the exchange ignores them. A V1 order ({@code nonce}, {@code feeRateBps}, no {@code timestamp})
 * is refused with the exchange's {@code order_version_mismatch}, which the official clients read
 * to re-sign for the current version; anything else malformed is {@code Invalid order payload}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record SignedOrderBody(Order order, Object owner, Object orderType, Object postOnly, Object deferExec) {

    /** The signed order's fields, each as the JSON gave it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Order(Object salt, Object maker, Object signer, Object tokenId, Object makerAmount, Object takerAmount, Object side,
                 Object signatureType, Object timestamp, Object expiration, Object metadata, Object builder, Object signature,
                 Object feeRateBps, Object nonce) {
    }

    /** The exchange's answer to an order of another version (V1 after 28 April 2026). */
    static final String ORDER_VERSION_MISMATCH = "order_version_mismatch";
    static final String NOT_AN_ORDER = "the body must be an object with an \"order\" object";

    private static final Set<String> ORDER_TYPES = Set.of("GTC", "GTD", "FOK", "FAK");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,80}");
    private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");
    private static final Pattern BYTES32 = Pattern.compile("0x[0-9a-fA-F]{64}");
    private static final BigInteger TWO_256 = BigInteger.ONE.shiftLeft(256);
    private static final BigInteger MAX_EXPIRATION = BigInteger.valueOf(Long.MAX_VALUE);

    /** The order of one body; throws {@link SignedOrderRefusedException} naming what is wrong. */
    static PostedOrder read(byte[] body) {
        SignedOrderBody read;
        try {
            read = body.length == 0 ? null : WireJson.reader(SignedOrderBody.class).readValue(body);
        } catch (IOException notAnOrder) {
            read = null;
        }
        if (read == null) {
            throw invalid(NOT_AN_ORDER);
        }
        return read.posted();
    }

    /** The order this body posts, checked field by field. */
    PostedOrder posted() {
        if (order == null) {
            throw invalid(NOT_AN_ORDER);
        }
        if (order.feeRateBps() != null || order.nonce() != null || order.timestamp() == null) {
            throw SignedOrderRefusedException.refused(ORDER_VERSION_MISMATCH,
                    "a V1 order (nonce, feeRateBps, taker, no timestamp/metadata/builder); the exchange takes V2 orders since 28 April 2026");
        }
        OrderV2 v2;
        try {
            v2 = new OrderV2(uint(order.salt(), "salt"), address(order.maker(), "maker"), address(order.signer(), "signer"),
                    uint(order.tokenId(), "tokenId"), uint(order.makerAmount(), "makerAmount"), uint(order.takerAmount(), "takerAmount"),
                    side(order.side()), smallInt(order.signatureType(), "signatureType", 3), uint(order.timestamp(), "timestamp"),
                    bytes32(order.metadata(), "metadata"), bytes32(order.builder(), "builder"));
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
        BigInteger expiration = order.expiration() != null ? uint(order.expiration(), "expiration") : BigInteger.ZERO;
        if (expiration.compareTo(MAX_EXPIRATION) > 0) {
            throw SignedOrderRefusedException.refused("invalid expiration", "expiration " + expiration + " is not unix seconds");
        }
        String signatureText = text(order.signature(), "signature");
        byte[] signature;
        try {
            signature = Eip712.hex(signatureText, Secp256k1.SIGNATURE_BYTES, "signature");
        } catch (IllegalArgumentException e) {
            throw invalid("order.signature is not 0x and 130 hex digits");
        }
        String ownerKey = text(owner, "owner");
        String type = text(orderType, "orderType");
        if (!ORDER_TYPES.contains(type)) {
            throw invalid("orderType must be GTC, GTD, FOK or FAK, not " + type);
        }
        return new PostedOrder(v2, expiration.longValueExact(), signature, ownerKey, type, flag(postOnly, "postOnly"),
                flag(deferExec, "deferExec"));
    }

    private static SignedOrderRefusedException invalid(String detail) {
        return SignedOrderRefusedException.refused(SignedOrderRefusedException.INVALID_ORDER_PAYLOAD, detail);
    }

    private static String text(Object value, String field) {
        if (!(value instanceof String text) || text.isEmpty()) {
            throw invalid(field + " must be a non-empty string");
        }
        return text;
    }

    /** A uint256 sent as decimal digits, in a string or a JSON integer (the client sends the salt as a number). */
    private static BigInteger uint(Object value, String field) {
        String digits = value instanceof String text ? text : isWhole(value) ? value.toString() : null;
        if (digits == null || !DIGITS.matcher(digits).matches()) {
            throw invalid("order." + field + " must be an unsigned integer in decimal digits");
        }
        BigInteger number = new BigInteger(digits);
        if (number.compareTo(TWO_256) >= 0) {
            throw invalid("order." + field + " does not fit in a uint256");
        }
        return number;
    }

    private static boolean isWhole(Object value) {
        return value instanceof Integer || value instanceof Long || value instanceof BigInteger;
    }

    private static String address(Object value, String field) {
        if (!(value instanceof String text) || !ADDRESS.matcher(text).matches()) {
            throw invalid("order." + field + " must be an address, 0x and 40 hex digits");
        }
        return text;
    }

    private static String bytes32(Object value, String field) {
        if (!(value instanceof String text) || !BYTES32.matcher(text).matches()) {
            throw invalid("order." + field + " must be a bytes32, 0x and 64 hex digits");
        }
        return text;
    }

    private static int smallInt(Object value, String field, int max) {
        if (!(value instanceof Integer number) || number < 0 || number > max) {
            throw invalid("order." + field + " must be an integer from 0 to " + max);
        }
        return number;
    }

    /** "BUY"/"SELL" as the client sends it, or 0/1 as the signed struct has it. */
    private static int side(Object value) {
        String side = value instanceof String || isWhole(value) ? value.toString() : "";
        return switch (side) {
            case "BUY", "0" -> 0;
            case "SELL", "1" -> 1;
            default -> throw invalid("order.side must be BUY or SELL");
        };
    }

    private static boolean flag(Object value, String field) {
        if (value == null) {
            return false;
        }
        if (!(value instanceof Boolean flag)) {
            throw invalid(field + " must be true or false");
        }
        return flag;
    }
}
