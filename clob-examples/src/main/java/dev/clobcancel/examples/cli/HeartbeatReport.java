package dev.clobcancel.examples.cli;

import dev.clobcancel.domain.failure.AuthenticationException;
import dev.clobcancel.domain.failure.BadRequestException;
import dev.clobcancel.domain.failure.ClobException;
import dev.clobcancel.domain.heartbeat.HeartbeatHealth;
import dev.clobcancel.domain.heartbeat.HeartbeatHealth.State;
import dev.clobcancel.domain.retry.Durations;
import dev.clobcancel.examples.CancelOrderExample.Failed;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine;

/**
 * What {@code clob heartbeat} says as the keeper's health changes: one line a change, where the
 * switch stands on stdout, failures on stderr; never a routine heartbeat, never a secret. Notices
 * the two things that end the command: a refusal that no retry mends, and a lapse.
 */
final class HeartbeatReport {

    private final PrintWriter out;
    private final PrintWriter err;
    private final String name;
    private final Duration window;
    /** Completed with why the command must end, when it must. */
    private final CompletableFuture<String> trouble = new CompletableFuture<>();
    private HeartbeatHealth last;
    private boolean everArmed;

    HeartbeatReport(CommandLine command, Duration window) {
        this.out = command.getOut();
        this.err = command.getErr();
        this.name = command.getCommandSpec().qualifiedName();
        this.window = window;
    }

    /** Completes with the reason the command must end with exit code 3. */
    CompletableFuture<String> trouble() {
        return trouble;
    }

    void starting(String host, Duration interval) {
        say(out, "sending a heartbeat to " + host + " every " + Durations.show(interval) + "; stop with SIGINT (Ctrl-C) or SIGTERM");
    }

    /** The keeper's listener: called once for each change, one at a time. */
    synchronized void told(HeartbeatHealth health) {
        if (health.state() == State.STOPPED) {
            return; // the command says how it stopped, once
        }
        HeartbeatHealth before = last;
        last = health;
        boolean failedAgain = health.consecutiveFailures() > (before == null ? 0 : before.consecutiveFailures());
        String refusal = health.lastFailure().filter(failure -> failedAgain).map(HeartbeatReport::refusal).orElse(null);
        if (refusal != null) {
            trouble.complete(refusal);
        } else if (health.state() == State.LAPSED) {
            trouble.complete("no heartbeat got through for " + Durations.show(window) + (health.lastSuccess().isPresent()
                    ? ": the exchange has canceled every order of the account" : " since the start: the switch was never armed"));
        } else if (failedAgain) {
            say(err, "heartbeat failed (" + health.consecutiveFailures() + " in a row): " + health.lastError().orElse("?") + "; "
                    + (health.armed() ? Durations.show(health.timeLeft()) + " left before the exchange cancels every order"
                    : "the switch is not armed"));
        } else if (health.state() == State.ARMED && (before == null || before.state() != State.ARMED)) {
            say(out, !everArmed ? "armed: if no heartbeat gets through for " + Durations.show(window)
                    + ", the exchange cancels every order of the account"
                    : "armed again" + (health.chainsStarted() > before.chainsStarted() ? ", on a new chain"
                            : health.chainsResumed() > before.chainsResumed() ? ", the chain resumed from the id the exchange expects"
                            : ""));
            everArmed = true;
        }
    }

    /** The command stopped the keeper cleanly: what becomes of the orders now. */
    void stopped(HeartbeatHealth health, boolean cancelingAll) {
        say(out, "stopped: no more heartbeats; " + (cancelingAll ? "canceling every order of the account"
                : health.armed() ? "the exchange cancels every order of the account in " + Durations.show(health.timeLeft())
                        + " unless another keeper takes over" : "the switch is not armed"));
    }

    /** Why the exchange will go on refusing, or null for a failure that may mend. */
    private static String refusal(Throwable failure) {
        // A 400 is the exchange refusing the chain's id: the keeper resumes from the id it names, or starts a new chain.
        if (failure instanceof ClobException clob && !clob.isRetryable() && !(clob instanceof BadRequestException)) {
            return "the exchange refused the heartbeat: " + new Failed(clob).describe()
                    + (clob instanceof AuthenticationException ? "; check " + String.join(", ", EnvCredentials.NAMES)
                            + "; to compare what is signed: clob sign --method POST --path /v1/heartbeats --body '{\"heartbeat_id\":\"\"}'"
                            : "");
        }
        return null;
    }

    void ended(String why) {
        say(err, why);
    }

    private void say(PrintWriter to, String line) {
        to.println(name + ": " + line);
        to.flush();
    }
}
