package dev.clobcancel.examples;

import dev.clobcancel.domain.failure.ClobException;
import dev.clobcancel.domain.failure.TradingRestricted;
import dev.clobcancel.domain.failure.TransportException;
import dev.clobcancel.domain.failure.UnexpectedResponseException;
import dev.clobcancel.domain.model.CancelResult;
import dev.clobcancel.domain.model.OrderId;
import dev.clobcancel.domain.retry.Durations;
import dev.clobcancel.domain.port.CancelOrderPort;
import java.util.Objects;
import java.util.concurrent.ExecutionException;

/**
 * Cancels one order and waits for the answer: the few lines an application needs to tell the
 * three things that can happen apart. Copy it, or call it.
 *
 * <pre>{@code
 * try (ClobHttpClient clob = ClobHttpClient.builder()
 *         .host("https://clob.polymarket.com")
 *         .credentials(new ApiCredentials(key, secret, passphrase))
 *         .address(Address.of(address))
 *         .build()) {
 *     CancelOrderExample.Outcome outcome = CancelOrderExample.cancel(clob, OrderId.of(hash));
 *     System.out.println(outcome.describe()); // "canceled", "not canceled: Order already matched", ...
 * }
 * }</pre>
 *
 * Blocking is fine here because the caller is a plain thread; code running on a Vert.x event loop
 * should compose the {@link java.util.concurrent.CompletionStage} instead of calling this. It works
 * on any {@link CancelOrderPort}; with a {@code ClobHttpClient} in hand,
 * {@code clob.blocking().cancelOrder(id)} waits the same way and throws the {@link ClobException}
 * itself.
 */
public final class CancelOrderExample {

    /** What is said when the exchange answered without listing the order either way. */
    static final String NO_REASON = "the exchange did not list the order as canceled and gave no reason";

    private CancelOrderExample() {
    }

    /** The three ways a cancel ends. */
    public sealed interface Outcome permits Canceled, NotCanceled, Failed {

        /** One line for a person, such as {@code "not canceled: Order already matched"}. */
        String describe();
    }

    /** The exchange answered and listed the order as canceled. */
    public record Canceled(CancelResult result) implements Outcome {
        @Override
        public String describe() {
            return "canceled";
        }
    }

    /** The exchange answered but did not cancel the order, for the reason it gave. */
    public record NotCanceled(CancelResult result, String reason) implements Outcome {
        @Override
        public String describe() {
            return "not canceled: " + reason;
        }
    }

    /** No usable answer: the exchange refused the request, or could not be reached. */
    public record Failed(ClobException failure) implements Outcome {
        @Override
        public String describe() {
            if (failure instanceof TransportException) {
                return "no answer from the exchange: " + failure.getMessage();
            }
            if (failure instanceof UnexpectedResponseException) {
                // Its message says what was wrong with the answer; the bare status would not.
                return "unexpected answer: " + failure.getMessage();
            }
            return "rejected: HTTP " + failure.status().orElse(0) + " " + failure.serverMessage().orElse("(no message)")
                    + (failure.attempts() > 1 ? ", after " + failure.attempts() + " attempts" : "")
                    + (failure instanceof TradingRestricted restricted ? "; trading restriction " + restricted.restriction() : "")
                    + failure.retryAfter().map(wait -> "; the exchange asked to wait " + Durations.show(wait)).orElse("");
        }
    }

    /**
     * Cancels {@code id} and waits for the exchange. The client's deadline bounds the wait, so
     * this never blocks for ever.
     *
     * @throws InterruptedException when the thread is interrupted while waiting; whether the
     *                              order was canceled is then unknown
     */
    public static Outcome cancel(CancelOrderPort port, OrderId id) throws InterruptedException {
        Objects.requireNonNull(port, "port");
        Objects.requireNonNull(id, "id");
        CancelResult result;
        try {
            result = port.cancelOrder(id).toCompletableFuture().get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ClobException failure) {
                return new Failed(failure);
            }
            // The port promises a ClobException; anything else is a bug, not an answer to report.
            throw new IllegalStateException("cancel of " + id + " failed unexpectedly: " + e.getCause(), e.getCause());
        }
        if (result.wasCanceled(id)) {
            return new Canceled(result);
        }
        return new NotCanceled(result, result.reasonNotCanceled(id).orElse(NO_REASON));
    }
}
