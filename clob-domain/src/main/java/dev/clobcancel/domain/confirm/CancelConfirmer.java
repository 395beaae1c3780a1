package dev.clobcancel.domain.confirm;

import dev.clobcancel.domain.model.CancelResult;
import dev.clobcancel.domain.model.MarketCancel;
import dev.clobcancel.domain.model.OrderId;
import dev.clobcancel.domain.port.CancelOrderPort;
import dev.clobcancel.domain.port.OrderEventsPort;
import dev.clobcancel.domain.port.OrderReadPort;
import dev.clobcancel.domain.retry.Durations;
import dev.clobcancel.domain.time.Scheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * Cancels orders and completes only once each of them is settled: its {@code CANCELLATION} event
 * came on the user channel, or the exchange refused the cancel saying it was already matched or
 * canceled, or, when the channel stayed silent or the cancel's answer was lost, a read of the
 * order said where it is. The result says, for each order, which evidence settled it.
 *
 * <pre>{@code
 * CancelConfirmer confirmer = CancelConfirmer.builder(clob, userChannel).build();
 * ConfirmedCancel confirmed = confirmer.cancelAndConfirm(List.of(a, b)).toCompletableFuture().join();
 * if (!confirmed.allOffTheBook()) ...
 * }</pre>
 *
 * <ol>
 *   <li>It subscribes to the user channel first, and sends the cancel once the exchange has taken
 *       the subscription, so that no event can be missed. When the channel cannot be had, the
 *       cancel goes anyway and every order is settled by reading it.</li>
 *   <li>An order the answer lists as canceled waits up to {@code eventWait} for its event, then is
 *       read; one the answer refuses as matched, or as not found or already canceled, is settled by
 *       that refusal; one refused for another reason, or not listed, is read.</li>
 *   <li>When the cancel failed (a timeout, a reset: the answer was lost), every order not settled
 *       by its event is read.</li>
 *   <li>A read that fails, or says live an order the exchange answered canceled, is made again,
 *       until {@code settleWithin} has passed since the answer; whatever is still open then is
 *       {@link Settlement.State#UNCONFIRMED}. The stage always completes.</li>
 * </ol>
 *
 * Thread-safe and stateless between calls: one confirmer serves any number of cancels at once.
 */
public final class CancelConfirmer {


    /** Events come within milliseconds of the answer; a second order of magnitude more is patient. */
    public static final Duration DEFAULT_EVENT_WAIT = Duration.ofSeconds(3);
    public static final Duration DEFAULT_SETTLE_WITHIN = Duration.ofSeconds(15);
    public static final Duration DEFAULT_READ_RETRY_DELAY = Duration.ofMillis(500);

    private final CancelOrderPort cancels;
    private final OrderEventsPort events;
    private final OrderReadPort reads;
    final Duration eventWait;
    final Duration settleWithin;
    final Duration readRetryDelay;
    final Scheduler scheduler;

    private CancelConfirmer(Builder b) {
        this.cancels = b.cancels;
        this.events = b.events;
        this.reads = b.reads;
        this.eventWait = b.eventWait;
        this.settleWithin = b.settleWithin;
        this.readRetryDelay = b.readRetryDelay;
        this.scheduler = b.scheduler != null ? b.scheduler
                : (delay, task) -> CompletableFuture.delayedExecutor(delay.toNanos(), TimeUnit.NANOSECONDS).execute(task);
    }

    /** A confirmer that cancels and reads through {@code exchange} and listens on {@code events}. */
    public static <P extends CancelOrderPort & OrderReadPort> Builder builder(P exchange, OrderEventsPort events) {
        return builder(exchange, events, exchange);
    }

    public static Builder builder(CancelOrderPort cancels, OrderEventsPort events, OrderReadPort reads) {
        return new Builder(Objects.requireNonNull(cancels, "cancels"), Objects.requireNonNull(events, "events"),
                Objects.requireNonNull(reads, "reads"));
    }

    /** {@link CancelOrderPort#cancelOrder}, confirmed. */
    public CompletionStage<ConfirmedCancel> cancelAndConfirm(OrderId orderId) {
        Objects.requireNonNull(orderId, "orderId");
        return start(List.of(orderId.value()), () -> cancels.cancelOrder(orderId));
    }

    /** {@link CancelOrderPort#cancelOrders}, confirmed: each order once, however often listed; none, nothing sent. */
    public CompletionStage<ConfirmedCancel> cancelAndConfirm(Collection<OrderId> orderIds) {
        Objects.requireNonNull(orderIds, "orderIds");
        // OrderId is lower case: ids that differ only in the case of their hex digits are one.
        Set<String> distinct = new LinkedHashSet<>();
        int position = 0;
        for (OrderId id : orderIds) {
            if (id == null) {
                throw new NullPointerException("orderIds holds null at position " + position);
            }
            distinct.add(id.value());
            position++;
        }
        if (distinct.isEmpty()) {
            return CompletableFuture.completedFuture(new ConfirmedCancel(List.of(), Optional.of(CancelResult.empty()),
                    Optional.empty()));
        }
        List<OrderId> ids = List.copyOf(orderIds);
        return start(new ArrayList<>(distinct), () -> cancels.cancelOrders(ids));
    }

    /**
     * {@link CancelOrderPort#cancelAll}, confirmed: the orders are those the answer names. Without
     * an answer nobody can say which orders there were: the stage then fails with the cancel's failure.
     */
    public CompletionStage<ConfirmedCancel> cancelAllAndConfirm() {
        return start(null, cancels::cancelAll);
    }

    /** {@link CancelOrderPort#cancelMarketOrders}, confirmed as {@link #cancelAllAndConfirm()} is. */
    public CompletionStage<ConfirmedCancel> cancelMarketOrdersAndConfirm(MarketCancel which) {
        Objects.requireNonNull(which, "which");
        return start(null, () -> cancels.cancelMarketOrders(which));
    }

    private CompletionStage<ConfirmedCancel> start(List<String> targets, Confirmation.Cancel cancel) {
        Confirmation confirmation = new Confirmation(this, reads, targets, cancel);
        confirmation.start(events);
        return confirmation.result();
    }

    @Override
    public String toString() {
        return "CancelConfirmer[eventWait=" + Durations.show(eventWait) + ", settleWithin=" + Durations.show(settleWithin) + "]";
    }

    /** Builds a {@link CancelConfirmer}; every setting has a default. */
    public static final class Builder {

        private final CancelOrderPort cancels;
        private final OrderEventsPort events;
        private final OrderReadPort reads;
        private Duration eventWait = DEFAULT_EVENT_WAIT;
        private Duration settleWithin = DEFAULT_SETTLE_WITHIN;
        private Duration readRetryDelay = DEFAULT_READ_RETRY_DELAY;
        private Scheduler scheduler;

        private Builder(CancelOrderPort cancels, OrderEventsPort events, OrderReadPort reads) {
            this.cancels = cancels;
            this.events = events;
            this.reads = reads;
        }

        /** How long after the answer an order listed as canceled waits for its event before it is read (default 3 s). */
        public Builder eventWait(Duration wait) {
            this.eventWait = Durations.requirePositive(wait, "eventWait");
            return this;
        }

        /**
         * How long after the cancel's answer (or its failure) the orders may take to settle, reads
         * made again included (default 15 s); past it, those still open are unconfirmed.
         */
        public Builder settleWithin(Duration within) {
            this.settleWithin = Durations.requirePositive(within, "settleWithin");
            return this;
        }

        /** The wait before a read that failed, or that contradicted the answer, is made again (default 500 ms). */
        public Builder readRetryDelay(Duration delay) {
            this.readRetryDelay = Durations.requirePositive(delay, "readRetryDelay");
            return this;
        }

        /** How the confirmer waits (the JDK's shared delayed executor by default); tests step time with their own. */
        public Builder scheduler(Scheduler scheduler) {
            this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
            return this;
        }

        public CancelConfirmer build() {
            if (eventWait.compareTo(settleWithin) >= 0) {
                throw new IllegalArgumentException("eventWait (" + Durations.show(eventWait) + ") must be shorter than "
                        + "settleWithin (" + Durations.show(settleWithin) + "), or no order would ever be read");
            }
            return new CancelConfirmer(this);
        }
    }
}
