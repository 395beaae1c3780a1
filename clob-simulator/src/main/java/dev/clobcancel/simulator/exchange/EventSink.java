package dev.clobcancel.simulator.exchange;

import java.time.Clock;

/** Where the books tell their changes: the exchange's one listener, and the clock that dates them. */
final class EventSink {

    private final Clock clock;
    private volatile ExchangeListener listener = ExchangeListener.NONE;

    EventSink(Clock clock) {
        this.clock = clock;
    }

    void listener(ExchangeListener listener) {
        this.listener = listener == null ? ExchangeListener.NONE : listener;
    }

    /** Whether anyone listens: a book does not build events that nobody would hear. */
    boolean heard() {
        return listener != ExchangeListener.NONE;
    }

    long now() {
        return clock.millis();
    }

    void emit(ExchangeEvent event) {
        listener.changed(event);
    }
}
