package dev.clobcancel.domain.events;

/**
 * A message of the exchange's user channel about the account's own orders and trades: an
 * {@link OrderEvent} ({@code "event_type":"order"}) or a {@link TradeEvent}
 * ({@code "event_type":"trade"}).
 *
 * <pre>{@code
 * if (event instanceof OrderEvent order && order.type() == OrderEvent.Type.CANCELLATION) {
 *     offTheBook(order.id());
 * }
 * }</pre>
 */
public sealed interface UserEvent permits OrderEvent, TradeEvent {

    /** The condition id of the market the event is about. */
    String market();
}
