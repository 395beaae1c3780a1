package dev.clobcancel.simulator.orders;

import java.math.BigDecimal;

/**
 * An order that passed every check before matching: its id (the EIP-712 hash), the price per
 * share and the size in shares its amounts make, and the domain version it was signed in.
 */
public record CheckedOrder(String id, PostedOrder posted, BigDecimal price, BigDecimal size, String domainVersion) {
}
