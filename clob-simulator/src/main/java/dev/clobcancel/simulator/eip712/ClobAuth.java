package dev.clobcancel.simulator.eip712;

import java.math.BigInteger;

/**
 * The message an L1 request signs: {@code ClobAuth(address address,string timestamp,uint256 nonce,string message)}
 * in the domain {@code {name: "ClobAuthDomain", version: "1", chainId}}, with the fixed message
 * {@value #MESSAGE}. Source: {@code @polymarket/clob-client-v2} 1.1.0, {@code dist/signing/eip712.js}
 * and {@code dist/signing/constants.js}.
 */
public final class ClobAuth {

    public static final String MESSAGE = "This message attests that I control the given wallet";
    public static final String DOMAIN_NAME = "ClobAuthDomain";
    public static final String DOMAIN_VERSION = "1";

    private static final byte[] TYPE = Keccak.hash("ClobAuth(address address,string timestamp,uint256 nonce,string message)");
    private static final byte[] MESSAGE_HASH = Keccak.hash(MESSAGE);

    private ClobAuth() {
    }

    /**
     * The digest signed for {@code address} at {@code timestamp} (the text of {@code POLY_TIMESTAMP},
     * signed as a string) with {@code nonce}, on {@code chainId}.
     */
    public static byte[] digest(long chainId, String address, String timestamp, BigInteger nonce) {
        byte[] struct = Keccak.hash(TYPE, Eip712.address(address), Keccak.hash(timestamp), Eip712.uint(nonce), MESSAGE_HASH);
        return Eip712.digest(Eip712.domainSeparator(DOMAIN_NAME, DOMAIN_VERSION, chainId), struct);
    }
}
