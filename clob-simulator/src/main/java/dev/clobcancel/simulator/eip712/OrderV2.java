package dev.clobcancel.simulator.eip712;

import java.math.BigInteger;
import java.util.Objects;

/**
 * The signed part of a CLOB V2 order, the EIP-712 struct
 * {@code Order(uint256 salt,address maker,address signer,uint256 tokenId,uint256 makerAmount,uint256 takerAmount,uint8 side,uint8 signatureType,uint256 timestamp,bytes32 metadata,bytes32 builder)}
 * (source: {@code @polymarket/clob-client-v2} 1.1.0, {@code dist/order-utils/exchangeOrderBuilderV2.js}).
 * The expiration travels beside it in the body but is not signed. Its hash in an exchange's
 * domain is the order's id.
 *
 * @param side          0 for BUY, 1 for SELL
 * @param signatureType 0 EOA, 1 POLY_PROXY, 2 POLY_GNOSIS_SAFE, 3 POLY_1271
 * @param timestamp     milliseconds since the epoch, as the client sets it
 */
public record OrderV2(BigInteger salt, String maker, String signer, BigInteger tokenId, BigInteger makerAmount,
                      BigInteger takerAmount, int side, int signatureType, BigInteger timestamp, String metadata, String builder) {

    public static final String TYPE_STRING = "Order(uint256 salt,address maker,address signer,uint256 tokenId,uint256 makerAmount,"
            + "uint256 takerAmount,uint8 side,uint8 signatureType,uint256 timestamp,bytes32 metadata,bytes32 builder)";
    private static final byte[] TYPE = Keccak.hash(TYPE_STRING);
    /** The {@code bytes32} zero the client puts in {@code metadata} and {@code builder} when it has none. */
    public static final String ZERO_BYTES32 = "0x" + "0".repeat(64);

    public OrderV2 {
        Objects.requireNonNull(salt, "salt");
        Objects.requireNonNull(maker, "maker");
        Objects.requireNonNull(signer, "signer");
        Objects.requireNonNull(tokenId, "tokenId");
        Objects.requireNonNull(makerAmount, "makerAmount");
        Objects.requireNonNull(takerAmount, "takerAmount");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(builder, "builder");
        if (side != 0 && side != 1) {
            throw new IllegalArgumentException("side must be 0 (BUY) or 1 (SELL), not " + side);
        }
        if (signatureType < 0 || signatureType > 3) {
            throw new IllegalArgumentException("signatureType must be 0 to 3, not " + signatureType);
        }
    }

    /** The struct's hash; every field is checked to fit its type here. */
    public byte[] structHash() {
        return Keccak.hash(TYPE, Eip712.uint(salt), Eip712.address(maker), Eip712.address(signer), Eip712.uint(tokenId),
                Eip712.uint(makerAmount), Eip712.uint(takerAmount), Eip712.uint(BigInteger.valueOf(side)),
                Eip712.uint(BigInteger.valueOf(signatureType)), Eip712.uint(timestamp), Eip712.bytes32(metadata),
                Eip712.bytes32(builder));
    }

    /** The digest a wallet signs, and the order's id, in the given exchange's domain. */
    public byte[] digest(ExchangeDomain domain) {
        return Eip712.digest(domain.separator(), structHash());
    }
}
