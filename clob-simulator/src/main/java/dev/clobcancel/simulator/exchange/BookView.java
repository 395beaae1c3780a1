package dev.clobcancel.simulator.exchange;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The public book of one asset at one moment, as {@code GET /book} shows it: bids by ascending
 * price and asks by descending price, so that the best of each side comes last.
 */
public record BookView(String market, String assetId, List<PriceLevel> bids, List<PriceLevel> asks, long timestampMillis) {

    /** The size still offered at one price. */
    public record PriceLevel(BigDecimal price, BigDecimal size) {
    }

    /** A digest of the book's content: equal hashes, equal books, so a client can tell a change. */
    public String hash() {
        StringBuilder content = new StringBuilder(market).append('|').append(assetId);
        bids.forEach(level -> content.append("|b").append(level.price().toPlainString()).append(':').append(level.size().toPlainString()));
        asks.forEach(level -> content.append("|a").append(level.price().toPlainString()).append(':').append(level.size().toPlainString()));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(content.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
    }
}
