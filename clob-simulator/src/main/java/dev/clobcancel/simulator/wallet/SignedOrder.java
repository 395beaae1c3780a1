package dev.clobcancel.simulator.wallet;

import dev.clobcancel.simulator.eip712.OrderV2;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A V2 order with its signature, and its id (the EIP-712 hash) known before it is sent, so a test
 * can cancel it by that id whatever the answer.
 *
 * @param expiration unix seconds, 0 for none (not signed in V2; it travels beside the order)
 * @param signature  {@code 0x} and 130 hex digits
 * @param hash       the order's id, lowercase {@code 0x} hex
 */
public record SignedOrder(OrderV2 order, long expiration, String signature, String hash) {

    /**
     * The body of {@code POST /order} as {@code @polymarket/clob-client-v2} 1.1.0 sends it
     * ({@code orderToJsonV2}): the salt a number, the amounts and ids strings, the side a word.
     */
    public Map<String, Object> toJson(String owner, String orderType, boolean postOnly) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("deferExec", false);
        json.put("postOnly", postOnly);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("salt", order.salt());
        fields.put("maker", order.maker());
        fields.put("signer", order.signer());
        fields.put("tokenId", order.tokenId().toString());
        fields.put("makerAmount", order.makerAmount().toString());
        fields.put("takerAmount", order.takerAmount().toString());
        fields.put("side", order.side() == 0 ? "BUY" : "SELL");
        fields.put("signatureType", order.signatureType());
        fields.put("timestamp", order.timestamp().toString());
        fields.put("expiration", Long.toString(expiration));
        fields.put("metadata", order.metadata());
        fields.put("builder", order.builder());
        fields.put("signature", signature);
        json.put("order", fields);
        json.put("owner", owner);
        json.put("orderType", orderType);
        return json;
    }
}
