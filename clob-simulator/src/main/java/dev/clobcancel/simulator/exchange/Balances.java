package dev.clobcancel.simulator.exchange;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What each funder address holds, per asset: {@value #COLLATERAL} and each outcome token. An
 * asset whose balance was never set is unlimited: nothing is checked, held or moved for it. A set
 * balance is checked when an order comes, partly held while the order rests (a BUY holds the pUSD
 * it may still spend, a SELL the shares it may still sell) and moved by fills. Thread-safe; its
 * lock is the innermost of the exchange's (taken under a book's lock, never the other way round).
 */
final class Balances {

    /** The collateral asset's name in the admin API. */
    static final String COLLATERAL = "pUSD";

    /** A set balance and what live orders hold of it. */
    private static final class Holding {
        BigDecimal balance;
        BigDecimal held = BigDecimal.ZERO;

        Holding(BigDecimal balance) {
            this.balance = balance;
        }
    }

    private final Map<String, Map<String, Holding>> byAddress = new HashMap<>();
    /** False until a balance is set: until then every call returns at once, without the lock. */
    private volatile boolean any;

    /** Sets an address's balance of one asset; null makes it unlimited again. Orders resting already hold nothing of it. */
    synchronized void set(String address, String asset, BigDecimal amount) {
        if (amount == null) {
            Map<String, Holding> assets = byAddress.get(key(address));
            if (assets != null) {
                assets.remove(asset);
            }
            return;
        }
        if (amount.signum() < 0) {
            throw new InvalidInputException("balance of " + asset + " must be 0 or more");
        }
        any = true;
        Holding holding = byAddress.computeIfAbsent(key(address), a -> new HashMap<>()).get(asset);
        if (holding == null) {
            byAddress.get(key(address)).put(asset, new Holding(amount));
        } else {
            holding.balance = amount;
        }
    }

    /** The set balances of an address: asset to {balance, held}, in no particular order. */
    synchronized Map<String, BigDecimal[]> of(String address) {
        Map<String, BigDecimal[]> out = new LinkedHashMap<>();
        byAddress.getOrDefault(key(address), Map.of()).forEach((asset, h) -> out.put(asset, new BigDecimal[] {h.balance, h.held}));
        return out;
    }

    /** Holds {@code amount} for an order; false when the balance is set and too little of it is free. Null when unlimited. */
    private synchronized Boolean holdLocked(String address, String asset, BigDecimal amount) {
        Holding holding = holding(address, asset);
        if (holding == null) {
            return null;
        }
        if (holding.balance.subtract(holding.held).compareTo(amount) < 0) {
            return false;
        }
        holding.held = holding.held.add(amount);
        return true;
    }

    Boolean hold(String address, String asset, BigDecimal amount) {
        return any ? holdLocked(address, asset, amount) : null;
    }

    /** Gives back what an order held and will not spend. */
    private synchronized void releaseLocked(String address, String asset, BigDecimal amount) {
        Holding holding = holding(address, asset);
        if (holding != null) {
            holding.held = holding.held.subtract(amount).max(BigDecimal.ZERO);
        }
    }

    void release(String address, String asset, BigDecimal amount) {
        if (any) {
            releaseLocked(address, asset, amount);
        }
    }

    /** Pays {@code amount} out of the balance, out of what the order held when {@code held}. */
    private synchronized void payLocked(String address, String asset, BigDecimal amount, boolean held) {
        Holding holding = holding(address, asset);
        if (holding != null) {
            holding.balance = holding.balance.subtract(amount);
            if (held) {
                holding.held = holding.held.subtract(amount).max(BigDecimal.ZERO);
            }
        }
    }

    void pay(String address, String asset, BigDecimal amount, boolean held) {
        if (any) {
            payLocked(address, asset, amount, held);
        }
    }

    /** Credits {@code amount} to a set balance. */
    private synchronized void receiveLocked(String address, String asset, BigDecimal amount) {
        Holding holding = holding(address, asset);
        if (holding != null) {
            holding.balance = holding.balance.add(amount);
        }
    }

    void receive(String address, String asset, BigDecimal amount) {
        if (any) {
            receiveLocked(address, asset, amount);
        }
    }

    synchronized void clear() {
        byAddress.clear();
        any = false;
    }

    private Holding holding(String address, String asset) {
        Map<String, Holding> assets = byAddress.get(key(address));
        return assets == null ? null : assets.get(asset);
    }

    private static String key(String address) {
        return address.toLowerCase(Locale.ROOT);
    }
}
