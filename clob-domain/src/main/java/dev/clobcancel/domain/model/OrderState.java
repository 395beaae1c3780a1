package dev.clobcancel.domain.model;

import java.util.Locale;
import java.util.Objects;

/**
 * An order as the exchange reads it back ({@code GET /data/order/{id}}): where it stands, and how
 * much of it was matched.
 *
 * <pre>{@code
 * if (state.isOnTheBook()) log.warn("{} is still live", state.id());
 * }</pre>
 *
 * @param status the exchange's status, such as {@code LIVE}, {@code MATCHED} or {@code CANCELED}
 */
public record OrderState(String id, String status, String originalSize, String sizeMatched) {

    public OrderState {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
    }

    /** Canceled: off the book, by its owner, the dead man's switch or an expiry. */
    public boolean isCanceled() {
        return normalized().startsWith("CANCEL");
    }

    /** Wholly matched: off the book, too late to cancel. */
    public boolean isMatched() {
        return normalized().equals("MATCHED");
    }

    /**
     * Still on the book, or may be: {@code LIVE}, {@code DELAYED}, and any status this library
     * does not know, which it never takes for off the book.
     */
    public boolean isOnTheBook() {
        return !isCanceled() && !isMatched();
    }

    /** The V1 and V2 spellings alike: {@code CANCELED}, {@code ORDER_STATUS_CANCELED}, {@code canceled}. */
    private String normalized() {
        String upper = status.toUpperCase(Locale.ROOT);
        return upper.startsWith("ORDER_STATUS_") ? upper.substring("ORDER_STATUS_".length()) : upper;
    }
}
