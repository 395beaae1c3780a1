package dev.clobcancel.simulator.http;

import dev.clobcancel.simulator.auth.ApiKeyIssuer;
import dev.clobcancel.simulator.eip712.ExchangeDomain;
import dev.clobcancel.simulator.exchange.Exchange;
import dev.clobcancel.simulator.exchange.HeartbeatSwitch;
import dev.clobcancel.simulator.exchange.ModeSwitch;
import dev.clobcancel.simulator.faults.ChannelFaults;
import dev.clobcancel.simulator.faults.Faults;
import dev.clobcancel.simulator.journal.Journal;
import dev.clobcancel.simulator.journal.SimEvents;
import dev.clobcancel.simulator.ratelimit.RateLimiter;
import dev.clobcancel.simulator.ratelimit.SignerLimiter;
import dev.clobcancel.simulator.ws.Channels;
import java.time.Clock;
import java.time.Duration;

/**
 * What the HTTP API serves and drives: the exchange and everything the simulator keeps around
 * it. The simulator's state implements it; this package defines it, so the HTTP API needs nothing
 * from the package that starts it (no cycle), and that package's state can stay package-private.
 */
public interface SimulatorBackend {

    Exchange exchange();

    /** The scripted faults of the HTTP endpoints. */
    Faults faults();

    /** The fault rules of the WebSocket channels. */
    ChannelFaults channelFaults();

    /** The WebSocket channels and their connections. */
    Channels channels();

    /** The requests the exchange endpoints received. */
    Journal journal();

    /** What the simulator did by itself (heartbeat lapses). */
    SimEvents events();

    ModeSwitch modes();

    /** The per-endpoint windows of the exchange's rate limits. */
    RateLimiter rateLimiter();

    /** The per-signer buckets of the exchange's rate limits. */
    SignerLimiter signerLimiter();

    HeartbeatSwitch heartbeats();

    /** Issues the API keys of {@code /auth/api-key} and {@code /auth/derive-api-key}. */
    ApiKeyIssuer apiKeys();

    /** The chain L1 headers and orders are signed for. */
    ExchangeDomain.Chain chain();

    Clock clock();

    /** How far a request's {@code POLY_TIMESTAMP} may be from the clock. */
    Duration authWindow();

    /** Cancels the orders of every account whose heartbeat lapsed by now. */
    void expireHeartbeats();

    /** Back to the start-up scenario and seed ({@code POST /_sim/reset}). */
    void reset();

    /** Seeds the random source afresh ({@code POST /_sim/seed}). */
    void reseed(long seed);

    /** Both layers of the rate limits, with these settings ({@code PUT /_sim/rate-limits}). */
    void enforceRateLimits(SignerLimiter.Settings settings);
}
