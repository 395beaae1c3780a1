package dev.clobcancel.simulator.exchange;

/** What the exchange accepts, as it moves between normal trading and its outages. */
public enum ExchangeMode {
    /** Everything works. */
    NORMAL,
    /** Cancels work; new orders get 503. */
    CANCEL_ONLY,
    /** After a restart: cancels and post-only orders work; other new orders get 503. */
    POST_ONLY,
    /** Every trading endpoint, cancels included, gets 503. */
    DISABLED,
    /** The weekly matching-engine restart: order endpoints get 425. */
    RESTARTING
}
