package dev.clobcancel.adapter.http;

import dev.clobcancel.domain.model.RateLimitState;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The signer's rate limit as the exchange's answers state it in their {@code Poly-RateLimit-*}
 * headers: each answer that carries any of them replaces what was known, its tier kept when it
 * names none. One per client, which is one signer. Thread-safe.
 */
final class RateLimits {

    static final String REMAINING = "Poly-RateLimit-Remaining";
    static final String RESET = "Poly-RateLimit-Reset";
    static final String TIER = "Poly-RateLimit-Tier";
    static final String WARNING = "Poly-RateLimit-Warning";

    private final Clock clock;
    private final AtomicReference<RateLimitState> last = new AtomicReference<>(RateLimitState.NONE);

    RateLimits(Clock clock) {
        this.clock = clock;
    }

    /** The client's clock, which dates each state and measures the wait until a reset. */
    Instant now() {
        return clock.instant();
    }

    /** The state the last answer that carried the headers stated; {@link RateLimitState#NONE} before one. */
    RateLimitState current() {
        return last.get();
    }

    /** Takes in what {@code response} says, if it says anything; answers the state after it. */
    RateLimitState observe(HttpTransport.Response response) {
        String remaining = response.header(REMAINING);
        String reset = response.header(RESET);
        String tier = response.header(TIER);
        String warning = response.header(WARNING);
        if (remaining == null && reset == null && tier == null && warning == null) {
            return last.get();
        }
        Instant now = clock.instant();
        return last.updateAndGet(before -> new RateLimitState(number(remaining), number(reset).stream()
                .mapToObj(Instant::ofEpochSecond).findFirst(),
                tier != null && !tier.isBlank() ? Optional.of(tier.strip()) : before.tierName(),
                warning != null && warning.strip().toLowerCase(Locale.ROOT).equals("true"), Optional.of(now)));
    }

    /** A whole number (the exchange's remaining may be below zero), or nothing for none or garbage. */
    private static OptionalLong number(String header) {
        if (header == null) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(header.strip()));
        } catch (NumberFormatException notANumber) {
            try {
                // "12.0" or a fractional reset: the whole part is what it means.
                double value = Double.parseDouble(header.strip());
                return Double.isFinite(value) ? OptionalLong.of((long) Math.floor(value)) : OptionalLong.empty();
            } catch (NumberFormatException garbage) {
                return OptionalLong.empty();
            }
        }
    }
}
