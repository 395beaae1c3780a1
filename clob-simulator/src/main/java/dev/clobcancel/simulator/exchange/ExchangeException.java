package dev.clobcancel.simulator.exchange;

/**
 * Something the simulated exchange refuses, said in its own terms: what was asked breaks a rule
 * ({@link InvalidInputException}), names what it does not hold ({@link NotFoundException}), takes
 * what is taken ({@link AlreadyExistsException}), or comes too late for an order
 * ({@link NotLiveException}); an order it will not take ({@link OrderRefusedException}); a
 * heartbeat out of its chain ({@link InvalidHeartbeatException}). Nothing changed when one is
 * thrown. How a refusal is answered on the wire is the HTTP layer's business, not the exchange's.
 */
public abstract class ExchangeException extends RuntimeException {

    ExchangeException(String message) {
        super(message, null, false, false);
    }
}
