package dev.clobcancel.domain.model;

/**
 * How a cancel was carried out: by the endpoint asked for, or, for a cancel of everything or of a
 * market that the exchange's per-signer rate limit can never let through in one request, by
 * listing the orders and canceling them in batches the limit allows.
 */
public enum CancelMethod {
    /** With the endpoint of the call: one request, or several batches of {@code DELETE /orders}. */
    DIRECT,
    /**
     * {@code DELETE /cancel-all} or {@code DELETE /cancel-market-orders} was refused as costing
     * more than the signer's bucket can ever hold; the live orders were listed with
     * {@code GET /data/orders} and canceled with {@code DELETE /orders}, in batches that fit.
     */
    LISTED_ORDERS
}
