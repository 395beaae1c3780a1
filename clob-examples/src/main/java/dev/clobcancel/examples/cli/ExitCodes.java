package dev.clobcancel.examples.cli;

/**
 * The exit codes of {@code clob}. Scripts branch on them, so they are a contract: never renumber.
 * {@link #USAGE} is picocli's own code for a usage error, so that every "nothing was sent" path,
 * picocli's or ours, ends the same way.
 */
final class ExitCodes {

    /** The command did what was asked; for {@code cancel}, the order was canceled. */
    static final int OK = 0;
    /** {@code cancel}: the exchange answered, but did not cancel the order. */
    static final int NOT_CANCELED = 1;
    /** Bad usage, order id or environment: nothing was sent. */
    static final int USAGE = 2;
    /** The exchange refused the request or could not be reached. */
    static final int FAILED = 3;
    /** A bug in {@code clob} itself. */
    static final int INTERNAL = 4;

    private ExitCodes() {
    }
}
