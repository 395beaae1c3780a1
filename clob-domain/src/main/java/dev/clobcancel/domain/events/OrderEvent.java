package dev.clobcancel.domain.events;

import java.util.List;
import java.util.Objects;

/**
 * One change of one of the account's orders, as the user channel sends it
 * ({@code {"event_type":"order","type":"CANCELLATION","id":"0x...",...}}). A {@link Type#CANCELLATION}
 * is the exchange's word that the order is off the book, whatever took it off: a cancel of any
 * kind, the dead man's switch, an expiry.
 *
 * <p>Sizes and prices are kept as the exchange's decimal strings; fields it left out are null
 * (an empty list for {@code associate_trades}).
 *
 * @param type            PLACEMENT, UPDATE (a partial or whole match) or CANCELLATION
 * @param id              the order's id (its hash)
 * @param owner           the API key that owns the order
 * @param status          the order's status after the change ({@code LIVE}, {@code MATCHED}, {@code CANCELED}, ...)
 * @param timestamp       when the exchange made the change, as it sent it
 */
public record OrderEvent(Type type, String id, String owner, String market, String assetId, String side,
                         String originalSize, String sizeMatched, String price, String status,
                         List<String> associateTrades, String timestamp) implements UserEvent {

    /** The exchange's {@code type} of an order event. */
    public enum Type {
        /** The order went on the book. */
        PLACEMENT,
        /** Part or all of the order was matched. */
        UPDATE,
        /** The order left the book without being wholly matched. */
        CANCELLATION
    }

    public OrderEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
        associateTrades = associateTrades == null ? List.of() : List.copyOf(associateTrades);
    }

    /** Whether this event is about the order {@code orderId}: ids that differ only in case are one order. */
    public boolean isAbout(String orderId) {
        return id.equalsIgnoreCase(orderId);
    }
}
