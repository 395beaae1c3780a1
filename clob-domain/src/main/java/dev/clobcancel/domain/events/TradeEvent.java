package dev.clobcancel.domain.events;

import java.util.List;
import java.util.Objects;

/**
 * A trade that involves one of the account's orders, as the user channel sends it
 * ({@code {"event_type":"trade","type":"TRADE","status":"MATCHED",...}}), first when matched and
 * again as it settles on chain ({@code MINED}, {@code CONFIRMED}, {@code RETRYING}, {@code FAILED}).
 *
 * @param makerOrderIds the ids of the maker orders it matched, in the exchange's order
 * @param traderSide    {@code TAKER} or {@code MAKER}: the account's side of the trade
 */
public record TradeEvent(String id, String takerOrderId, String market, String assetId, String side, String size,
                         String price, String status, String matchTime, List<String> makerOrderIds, String owner,
                         String traderSide, String timestamp) implements UserEvent {

    public TradeEvent {
        Objects.requireNonNull(id, "id");
        makerOrderIds = makerOrderIds == null ? List.of() : List.copyOf(makerOrderIds);
    }
}
