package dev.clobcancel.testcontainers;

/** The simulator refused an admin call, or could not be reached (status 0); the message is the simulator's {@code error}. */
public final class SimulatorAdminException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    SimulatorAdminException(String call, int status, String error) {
        super(call + (status == 0 ? "" : " answered " + status) + ": " + error);
        this.status = status;
    }

    /** The HTTP status the simulator answered, 0 when none came. */
    public int status() {
        return status;
    }
}
