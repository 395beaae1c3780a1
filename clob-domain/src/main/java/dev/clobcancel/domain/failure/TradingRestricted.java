package dev.clobcancel.domain.failure;

import java.time.Duration;
import java.util.Optional;

/**
 * A failure that says the exchange is restricting trading: a 425 ({@link NotReadyException}) or a
 * 503 ({@link TradingDisabledException}), with the restriction and the wait the exchange asked for.
 */
public sealed interface TradingRestricted permits NotReadyException, TradingDisabledException {

    TradingRestriction restriction();

    /** {@code Retry-After} or the body's {@code retry_after_seconds}, when the exchange sent one. */
    Optional<Duration> retryAfter();
}
