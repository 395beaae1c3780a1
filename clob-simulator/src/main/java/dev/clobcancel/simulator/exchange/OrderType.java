package dev.clobcancel.simulator.exchange;

/**
 * How long an order may wait for a match, as the exchange names it: GTC and GTD rest on the book
 * (GTD until its expiration), FOK and FAK take what the book offers at once and never rest (FOK
 * all or nothing, FAK as much as there is).
 */
public enum OrderType {
    /** Good-til-cancelled: rests until filled or cancelled. */
    GTC,
    /** Good-til-date: rests until filled, cancelled or expired. */
    GTD,
    /** Fill-or-kill: filled wholly at once, or refused. */
    FOK,
    /** Fill-and-kill: filled as far as the book allows at once, the rest killed; refused if nothing matches. */
    FAK;

    /** True for the types that rest on the book. */
    public boolean rests() {
        return this == GTC || this == GTD;
    }
}
