package dev.clobcancel.domain.confirm;

import dev.clobcancel.domain.confirm.Settlement.Evidence;
import dev.clobcancel.domain.confirm.Settlement.State;
import dev.clobcancel.domain.events.EventSubscription;
import dev.clobcancel.domain.events.OrderEvent;
import dev.clobcancel.domain.events.UserEvent;
import dev.clobcancel.domain.events.UserEventListener;
import dev.clobcancel.domain.failure.ClobException;
import dev.clobcancel.domain.model.CancelResult;
import dev.clobcancel.domain.model.OrderId;
import dev.clobcancel.domain.model.OrderState;
import dev.clobcancel.domain.port.OrderEventsPort;
import dev.clobcancel.domain.port.OrderReadPort;
import dev.clobcancel.domain.retry.Durations;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * One confirmed cancel, from the subscription to the last order settled. Every change is made
 * under its lock; the result is completed, and the subscription closed, outside it.
 */
final class Confirmation implements UserEventListener {

    /** Sends the cancel. */
    interface Cancel extends Supplier<CompletionStage<CancelResult>> {
    }

    /**
     * {@code CANCELLATION} events kept before the answer names its orders (a cancel-all's): far
     * more than an account has orders, short of unbounded should the channel flood.
     */
    static final int MAX_EVENTS_KEPT = 100_000;

    private static final System.Logger LOG = System.getLogger(Confirmation.class.getName());

    private final CancelConfirmer settings;
    private final OrderReadPort reads;
    private final Cancel cancel;
    private final CompletableFuture<ConfirmedCancel> result = new CompletableFuture<>();

    /** Guarded by this: the orders, lower-cased id to the id as given; null until the answer names them. */
    private Map<String, String> targets;
    private final Map<String, Settlement> settled = new HashMap<>();
    /** Lower-cased id to the status its CANCELLATION event gave. */
    private final Map<String, String> cancellationsSeen = new HashMap<>();
    private final Set<String> answeredCanceled = new HashSet<>();
    private final Set<String> awaitingEvent = new HashSet<>();
    private final Map<String, String> lastReadProblem = new HashMap<>();
    private boolean channelUp;
    private boolean eventsMayBeLost;
    private boolean answered;
    private boolean done;
    private CancelResult answer;
    private ClobException failure;
    private EventSubscription subscription;

    Confirmation(CancelConfirmer settings, OrderReadPort reads, List<String> targets, Cancel cancel) {
        this.settings = settings;
        this.reads = reads;
        this.cancel = cancel;
        if (targets != null) {
            this.targets = new LinkedHashMap<>();
            targets.forEach(id -> this.targets.put(key(id), id));
        }
    }

    CompletionStage<ConfirmedCancel> result() {
        return result;
    }

    /** Subscribes, then cancels, whether or not the channel could be had. */
    void start(OrderEventsPort events) {
        CompletionStage<EventSubscription> subscribed;
        try {
            subscribed = events.subscribe(this);
        } catch (RuntimeException e) {
            subscribed = CompletableFuture.failedFuture(e);
        }
        subscribed.whenComplete((taken, problem) -> {
            boolean closeNow;
            synchronized (this) {
                subscription = taken;
                channelUp = taken != null;
                eventsMayBeLost = taken == null;
                closeNow = done && taken != null;
            }
            if (problem != null) {
                LOG.log(System.Logger.Level.WARNING, "user channel not had ({0}): every order will be read",
                        unwrap(problem).getMessage());
            }
            if (closeNow) {
                taken.close();
            }
            sendCancel();
        });
    }

    private void sendCancel() {
        CompletionStage<CancelResult> sent;
        try {
            sent = cancel.get();
        } catch (RuntimeException e) {
            finishExceptionally(e);
            return;
        }
        sent.whenComplete((value, problem) -> {
            if (problem == null) {
                onAnswer(value);
            } else if (unwrap(problem) instanceof ClobException lost) {
                onCancelFailed(lost);
            } else {
                finishExceptionally(unwrap(problem));
            }
        });
    }

    @Override
    public void onEvent(UserEvent event) {
        if (!(event instanceof OrderEvent order) || order.type() != OrderEvent.Type.CANCELLATION) {
            return;
        }
        ConfirmedCancel finished;
        synchronized (this) {
            String key = key(order.id());
            if (targets == null) {
                if (cancellationsSeen.size() < MAX_EVENTS_KEPT) {
                    cancellationsSeen.put(key, String.valueOf(order.status()));
                }
                return;
            }
            if (!targets.containsKey(key)) {
                return;
            }
            settle(key, State.CANCELED, Evidence.CANCELLATION_EVENT, "status " + order.status());
            finished = finishedIfAllSettled();
        }
        complete(finished);
    }

    /** Events sent while the channel was down are lost: orders waiting for one are read now. */
    @Override
    public void onDisconnected(String reason) {
        List<String> toRead;
        synchronized (this) {
            channelUp = false;
            eventsMayBeLost = true;
            toRead = answered ? takeAwaitingEvent() : List.of();
        }
        toRead.forEach(this::read);
    }

    @Override
    public synchronized void onSubscribed() {
        channelUp = true;
    }

    private void onAnswer(CancelResult value) {
        List<String> toRead = new ArrayList<>();
        boolean waitForEvents;
        ConfirmedCancel finished;
        synchronized (this) {
            answer = value;
            answered = true;
            if (targets == null) {
                targets = new LinkedHashMap<>();
                value.canceled().forEach(id -> targets.putIfAbsent(id.value(), id.value()));
                value.notCanceled().keySet().forEach(id -> targets.putIfAbsent(id.value(), id.value()));
            }
            value.canceled().forEach(id -> answeredCanceled.add(id.value()));
            Map<String, String> reasons = new HashMap<>();
            value.notCanceled().forEach((id, reason) -> reasons.put(id.value(), reason));
            for (String key : targets.keySet()) {
                if (settled.containsKey(key)) {
                    continue;
                }
                String reason = reasons.get(key);
                if (cancellationsSeen.containsKey(key)) {
                    settle(key, State.CANCELED, Evidence.CANCELLATION_EVENT, "status " + cancellationsSeen.get(key));
                } else if (reason != null && refusalSettles(reason, value.attempts())) {
                    settle(key, refusalState(reason), Evidence.REFUSAL, reason);
                } else if (answeredCanceled.contains(key) && channelUp && !eventsMayBeLost) {
                    awaitingEvent.add(key);
                } else {
                    if (reason != null) {
                        lastReadProblem.put(key, "refused: " + reason);
                    }
                    toRead.add(key);
                }
            }
            waitForEvents = !awaitingEvent.isEmpty();
            finished = finishedIfAllSettled();
        }
        if (finished != null) {
            complete(finished);
            return;
        }
        settings.scheduler.schedule(settings.settleWithin, this::settleTimePassed);
        if (waitForEvents) {
            settings.scheduler.schedule(settings.eventWait, this::eventWaitPassed);
        }
        toRead.forEach(this::read);
    }

    /** The answer was lost: what is not settled by its event is read. */
    private void onCancelFailed(ClobException lost) {
        List<String> toRead = new ArrayList<>();
        ConfirmedCancel finished = null;
        boolean ordersUnknown;
        synchronized (this) {
            failure = lost;
            answered = true;
            ordersUnknown = targets == null;
            if (ordersUnknown) {
                done = true;
            } else {
                for (String key : targets.keySet()) {
                    if (settled.containsKey(key)) {
                        continue;
                    }
                    if (cancellationsSeen.containsKey(key)) {
                        settle(key, State.CANCELED, Evidence.CANCELLATION_EVENT, "status " + cancellationsSeen.get(key));
                    } else {
                        lastReadProblem.put(key, "the cancel failed: " + lost.getMessage());
                        toRead.add(key);
                    }
                }
                finished = finishedIfAllSettled();
            }
        }
        if (ordersUnknown) {
            // Which orders a cancel-all or a market cancel took is known only from its answer.
            closeSubscription();
            result.completeExceptionally(lost);
            return;
        }
        if (finished != null) {
            complete(finished);
            return;
        }
        settings.scheduler.schedule(settings.settleWithin, this::settleTimePassed);
        toRead.forEach(this::read);
    }

    private void eventWaitPassed() {
        List<String> toRead;
        synchronized (this) {
            toRead = takeAwaitingEvent();
            toRead.forEach(key -> lastReadProblem.putIfAbsent(key, "no event within " + Durations.show(settings.eventWait)));
        }
        toRead.forEach(this::read);
    }

    private List<String> takeAwaitingEvent() {
        List<String> waiting = new ArrayList<>();
        for (String key : awaitingEvent) {
            if (!settled.containsKey(key)) {
                waiting.add(key);
            }
        }
        awaitingEvent.clear();
        return waiting;
    }

    private void read(String key) {
        String id;
        synchronized (this) {
            if (done || settled.containsKey(key)) {
                return;
            }
            id = targets.get(key);
        }
        if (!OrderId.isValid(id)) {
            synchronized (this) {
                lastReadProblem.put(key, "\"" + id + "\" is not an order id that can be read");
            }
            return;
        }
        CompletionStage<Optional<OrderState>> read;
        try {
            read = reads.readOrder(OrderId.of(id));
        } catch (RuntimeException e) {
            read = CompletableFuture.failedFuture(e);
        }
        read.whenComplete((state, problem) -> afterRead(key, state, problem));
    }

    private void afterRead(String key, Optional<OrderState> state, Throwable problem) {
        boolean again = false;
        ConfirmedCancel finished = null;
        synchronized (this) {
            if (done || settled.containsKey(key)) {
                return;
            }
            if (problem != null) {
                lastReadProblem.put(key, "the read failed: " + unwrap(problem).getMessage());
                again = true;
            } else if (state.isEmpty()) {
                settle(key, State.NOT_FOUND, Evidence.ORDER_READ, "the exchange knows no such order");
            } else if (state.get().isCanceled()) {
                settle(key, State.CANCELED, Evidence.ORDER_READ, "status " + state.get().status());
            } else if (state.get().isMatched()) {
                settle(key, State.MATCHED, Evidence.ORDER_READ, "status " + state.get().status());
            } else if (answeredCanceled.contains(key)) {
                // The exchange said canceled; a read that says otherwise is behind, not the truth.
                lastReadProblem.put(key, "answered canceled, but read as " + state.get().status());
                again = true;
            } else {
                settle(key, State.LIVE, Evidence.ORDER_READ, "status " + state.get().status());
            }
            finished = finishedIfAllSettled();
        }
        if (again) {
            settings.scheduler.schedule(settings.readRetryDelay, () -> read(key));
        }
        complete(finished);
    }

    private void settleTimePassed() {
        ConfirmedCancel finished;
        synchronized (this) {
            if (done) {
                return;
            }
            for (String key : targets.keySet()) {
                if (!settled.containsKey(key)) {
                    String why = lastReadProblem.getOrDefault(key, "no event, refusal or read");
                    settle(key, State.UNCONFIRMED, Evidence.NONE,
                            why + "; not settled within " + Durations.show(settings.settleWithin));
                }
            }
            finished = finishedIfAllSettled();
        }
        complete(finished);
    }

    /**
     * Whether a refusal settles the order: one that says where it is, except "not found or already
     * canceled" from a request sent more than once, whose earlier attempt may have canceled the
     * order itself: that one is read.
     */
    static boolean refusalSettles(String reason, int attempts) {
        State state = refusalState(reason);
        return state != null && (state != State.NOT_FOUND || attempts == 1);
    }

    /** A refusal that settles the order, or null for one that does not say where it is. */
    static State refusalState(String reason) {
        String lower = reason.toLowerCase(Locale.ROOT);
        if (lower.contains("matched")) {
            return State.MATCHED;
        }
        if (lower.contains("already canceled") || lower.contains("already cancelled") || lower.contains("not found")) {
            return State.NOT_FOUND;
        }
        return null;
    }

    private void settle(String key, State state, Evidence evidence, String detail) {
        settled.putIfAbsent(key, new Settlement(targets.get(key), state, evidence, detail));
    }

    /** The result once every order is settled, marking this done; null before. */
    private ConfirmedCancel finishedIfAllSettled() {
        if (done || targets == null || !answered || settled.size() < targets.size()) {
            return null;
        }
        done = true;
        List<Settlement> inOrder = new ArrayList<>();
        targets.keySet().forEach(key -> inOrder.add(settled.get(key)));
        return new ConfirmedCancel(inOrder, Optional.ofNullable(answer), Optional.ofNullable(failure));
    }

    private void complete(ConfirmedCancel finished) {
        if (finished != null) {
            closeSubscription();
            result.complete(finished);
        }
    }

    private void finishExceptionally(Throwable problem) {
        synchronized (this) {
            done = true;
        }
        closeSubscription();
        result.completeExceptionally(problem);
    }

    private void closeSubscription() {
        EventSubscription taken;
        synchronized (this) {
            taken = subscription;
            subscription = null;
        }
        if (taken != null) {
            taken.close();
        }
    }

    private static String key(String id) {
        return id.toLowerCase(Locale.ROOT);
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }
}
