package dev.clobcancel.simulator.exchange;

/** Which side of the book an order rests on. */
public enum Side {
    BUY,
    SELL
}
