package dev.clobcancel.simulator.exchange;

/** What the exchange accepts, as it moves between normal trading and its outages. */
public enum ExchangeMode {
    /** Everything works. */
    NORMAL,
    /** Cancels work; new orders are refused. */
    CANCEL_ONLY,
    /** After a restart: cancels and post-only orders work; other new orders are refused. */
    POST_ONLY,
    /** Trading is off: orders and cancels alike are refused; reads work. */
    DISABLED,
    /** The weekly matching-engine restart: everything is refused, reads included, until it is back. */
    RESTARTING
}
