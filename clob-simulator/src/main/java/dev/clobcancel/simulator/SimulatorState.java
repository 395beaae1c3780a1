package dev.clobcancel.simulator;

import dev.clobcancel.simulator.auth.ApiKeyIssuer;
import dev.clobcancel.simulator.eip712.ExchangeDomain;
import dev.clobcancel.simulator.exchange.CancelReport;
import dev.clobcancel.simulator.exchange.Exchange;
import dev.clobcancel.simulator.exchange.HeartbeatSwitch;
import dev.clobcancel.simulator.exchange.ModeSwitch;
import dev.clobcancel.simulator.exchange.OrderView;
import dev.clobcancel.simulator.faults.ChannelFaults;
import dev.clobcancel.simulator.core.Scenario;
import dev.clobcancel.simulator.faults.Faults;
import dev.clobcancel.simulator.http.SimulatorBackend;
import dev.clobcancel.simulator.journal.Journal;
import dev.clobcancel.simulator.journal.SimEvent;
import dev.clobcancel.simulator.journal.SimEvents;
import dev.clobcancel.simulator.ratelimit.RateLimit;
import dev.clobcancel.simulator.ratelimit.RateLimiter;
import dev.clobcancel.simulator.ratelimit.SignerLimiter;
import dev.clobcancel.simulator.time.ManualClock;
import dev.clobcancel.simulator.ws.Channels;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * Everything the simulator holds, and the one way back to how it started: the exchange, its
 * mode, the faults, the journal and the simulator's own events, the rate limits, and the one
 * seeded random source that every draw comes from. A reset restores the start-up scenario and the
 * start-up seed. {@link ClobSimulator} drives it typed; the HTTP API drives it as its
 * {@link SimulatorBackend}.
 */
final class SimulatorState implements SimulatorBackend {

    private final long seed;
    private final Random random;
    private final Clock clock;
    private final Duration authWindow;
    private final Scenario scenario;
    private final Exchange exchange;
    private final Faults faults;
    private final Journal journal;
    private final SimEvents events;
    private final ModeSwitch modes;
    private final RateLimiter rateLimiter;
    private final SignerLimiter signerLimiter;
    private final HeartbeatSwitch heartbeats;
    private final ApiKeyIssuer apiKeys;
    private volatile ExchangeDomain.Chain chain = ExchangeDomain.chain(ExchangeDomain.POLYGON);
    private final ChannelFaults channelFaults;
    private final Channels channels;
    /** Its hold on a manual clock, let go at close: the clock may outlive the simulator. */
    private final ManualClock.Registration clockListener;

    /**
     * @param authWindow how far a request's {@code POLY_TIMESTAMP} may be from the clock
     * @param scenario   what to hold at start and after each reset
     */
    SimulatorState(long seed, Clock clock, Duration authWindow, int journalCapacity, Scenario scenario) {
        this(seed, clock, authWindow, journalCapacity, scenario, HeartbeatSwitch.DEFAULT_WINDOW);
    }

    /** @param heartbeatWindow how long after a heartbeat the next must come before the switch lapses */
    SimulatorState(long seed, Clock clock, Duration authWindow, int journalCapacity, Scenario scenario,
                          Duration heartbeatWindow) {
        this.seed = seed;
        this.random = new Random(seed);
        this.clock = clock;
        this.authWindow = authWindow;
        this.scenario = scenario;
        this.exchange = new Exchange(random, clock);
        this.faults = new Faults(random);
        this.journal = new Journal(journalCapacity);
        this.events = new SimEvents(journalCapacity);
        this.modes = new ModeSwitch(clock);
        this.rateLimiter = new RateLimiter(clock);
        this.signerLimiter = new SignerLimiter(clock);
        this.heartbeats = new HeartbeatSwitch(clock, random, heartbeatWindow);
        this.apiKeys = new ApiKeyIssuer(seed, random);
        this.channelFaults = new ChannelFaults(random);
        this.channels = new Channels(exchange, clock, channelFaults);
        this.clockListener = clock instanceof ManualClock manual ? manual.addListener(this::expireHeartbeats) : () -> { };
        // No request expires an order: its expiry is the simulator's own doing, logged as such, per account.
        exchange.onExpiries(expired -> expired.stream()
                .collect(Collectors.groupingBy(OrderView::owner, LinkedHashMap::new, Collectors.mapping(OrderView::id, Collectors.toList())))
                .forEach((apiKey, ids) -> events.record(SimEvent.gtdExpiry(clock.instant(), apiKey, ids))));
        apply(scenario);
    }

    /**
     * Cancels every live order of each account whose heartbeat lapsed (each a CANCELLATION event
     * on the user channel), and logs the lapse among the simulator's events, not among the
     * requests: no request asked for it. Called on every request, on a timer, and whenever a
     * manual clock moves, so a lapse is never missed.
     */
    @Override
    public void expireHeartbeats() {
        for (String apiKey : heartbeats.lapsed()) {
            CancelReport report = exchange.cancelAll(apiKey);
            events.record(SimEvent.heartbeatLapse(clock.instant(), apiKey, report.canceled()));
        }
    }

    /** Lets go of the clock: a manual clock no longer tells this state when it moves. */
    public void close() {
        clockListener.close();
    }

    /** Back to the start-up scenario, with the start-up seed's first draw next. */
    @Override
    public synchronized void reset() {
        channels.closeAll("the simulator was reset");
        channelFaults.clear();
        exchange.reset();
        heartbeats.reset();
        faults.clear();
        journal.clear();
        events.clear();
        rateLimiter.reset();
        signerLimiter.reset();
        random.setSeed(seed);
        apply(scenario);
    }

    /** Seeds the random source afresh, for generated ids and fault probabilities from here on. */
    @Override
    public void reseed(long newSeed) {
        random.setSeed(newSeed);
    }

    private void apply(Scenario start) {
        start.accounts().forEach(exchange::addAccount);
        start.markets().forEach(exchange::addMarket);
        if (!start.orders().isEmpty()) {
            exchange.place(start.orders());
        }
        modes.set(start.mode(), null);
        start.faults().forEach(faults::add);
        enforceRateLimits(start.rateLimits() ? SignerLimiter.Settings.ENFORCED : SignerLimiter.Settings.OFF);
    }

    /**
     * Both layers of the exchange's rate limits: the per-endpoint windows whenever the per-signer
     * buckets are kept (enforced or in warning mode, where only the buckets just report), or neither.
     */
    @Override
    public void enforceRateLimits(SignerLimiter.Settings settings) {
        rateLimiter.enforce(settings.mode() == SignerLimiter.Mode.OFF ? List.of() : RateLimit.EXCHANGE);
        signerLimiter.configure(settings);
    }

    @Override
    public Exchange exchange() {
        return exchange;
    }

    @Override
    public Faults faults() {
        return faults;
    }

    /** The fault rules of the WebSocket channels. */
    @Override
    public ChannelFaults channelFaults() {
        return channelFaults;
    }

    /** The WebSocket channels and their connections. */
    @Override
    public Channels channels() {
        return channels;
    }

    @Override
    public Journal journal() {
        return journal;
    }

    @Override
    public SimEvents events() {
        return events;
    }

    @Override
    public ModeSwitch modes() {
        return modes;
    }

    @Override
    public RateLimiter rateLimiter() {
        return rateLimiter;
    }

    @Override
    public SignerLimiter signerLimiter() {
        return signerLimiter;
    }

    @Override
    public HeartbeatSwitch heartbeats() {
        return heartbeats;
    }

    /** Issues the API keys of {@code /auth/api-key} and {@code /auth/derive-api-key}. */
    @Override
    public ApiKeyIssuer apiKeys() {
        return apiKeys;
    }

    /** The chain the simulator is (137 by default): L1 headers and orders are signed for it. */
    @Override
    public ExchangeDomain.Chain chain() {
        return chain;
    }

    /** Makes the simulator chain 137 (Polygon) or 80002 (Amoy). */
    void useChain(long chainId) {
        this.chain = ExchangeDomain.chain(chainId);
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public Duration authWindow() {
        return authWindow;
    }
}
