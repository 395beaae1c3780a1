package dev.clobcancel.simulator.exchange;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Every trade, oldest first, and each account's share of them. Thread-safe. */
final class TradeLog {

    private final List<Trade> all = new ArrayList<>();
    private final Map<String, Trade> byId = new HashMap<>();
    private final Map<String, List<Trade>> byOwner = new HashMap<>();

    synchronized void add(Trade trade) {
        all.add(trade);
        byId.put(trade.id(), trade);
        Set<String> owners = new LinkedHashSet<>();
        owners.add(trade.takerOwner());
        trade.makerOrders().forEach(m -> owners.add(m.owner()));
        owners.forEach(owner -> byOwner.computeIfAbsent(owner, o -> new ArrayList<>()).add(trade));
    }

    /** The trades {@code apiKey} took part in that {@code filter} accepts, oldest first. */
    synchronized List<Trade> of(String apiKey, TradeFilter filter) {
        if (filter.id() != null) {
            Trade trade = byId.get(filter.id());
            return trade != null && trade.involves(apiKey) && accepts(filter, trade) ? List.of(trade) : List.of();
        }
        return byOwner.getOrDefault(apiKey, List.of()).stream().filter(t -> accepts(filter, t)).toList();
    }

    /** Every trade, oldest first. */
    synchronized List<Trade> all() {
        return List.copyOf(all);
    }

    synchronized void clear() {
        all.clear();
        byId.clear();
        byOwner.clear();
    }

    private static boolean accepts(TradeFilter filter, Trade trade) {
        return (filter.market() == null || filter.market().equals(trade.market()))
                && (filter.assetId() == null || filter.assetId().equals(trade.assetId()))
                && (filter.makerAddress() == null || hasAddress(trade, filter.makerAddress().toLowerCase(Locale.ROOT)))
                && (filter.before() == null || trade.matchTime() < filter.before())
                && (filter.after() == null || trade.matchTime() > filter.after());
    }

    private static boolean hasAddress(Trade trade, String address) {
        return trade.takerAddress().toLowerCase(Locale.ROOT).equals(address)
                || trade.makerOrders().stream().anyMatch(m -> m.makerAddress().toLowerCase(Locale.ROOT).equals(address));
    }
}
