package dev.clobcancel.simulator.exchange;

import java.util.Locale;

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
    RESTARTING;

    /** The name in JSON: {@code normal}, {@code cancel-only}, {@code post-only}, {@code disabled}, {@code restarting}. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static ExchangeMode fromJson(String name) {
        for (ExchangeMode mode : values()) {
            if (mode.jsonName().equals(name)) {
                return mode;
            }
        }
        throw RejectedException.badRequest("mode must be normal, cancel-only, post-only, disabled or restarting, not " + name);
    }
}
