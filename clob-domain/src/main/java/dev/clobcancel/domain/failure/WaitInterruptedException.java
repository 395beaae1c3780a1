package dev.clobcancel.domain.failure;

/**
 * A blocking wait for an answer was interrupted. The thread's interrupt flag is set again before
 * this is thrown, so that the code above still sees it. The call itself may go on and take
 * effect: a cancel that was sent may still be carried out by the exchange. {@link #attempts()}
 * is 0: the waiter does not know how many were made.
 */
public final class WaitInterruptedException extends ClobException {

    public WaitInterruptedException(String message, InterruptedException cause) {
        super(0, null, message, cause, null, null, 0);
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
