package dev.clobcancel.simulator.exchange;

/**
 * Hears every change of the exchange, on the thread that made it and under the lock of the book
 * it changed, so it must return quickly and never call back into the exchange.
 */
@FunctionalInterface
public interface ExchangeListener {

    ExchangeListener NONE = event -> {
    };

    void changed(ExchangeEvent event);
}
