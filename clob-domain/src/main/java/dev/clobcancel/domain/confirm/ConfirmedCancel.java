package dev.clobcancel.domain.confirm;

import dev.clobcancel.domain.failure.ClobException;
import dev.clobcancel.domain.model.CancelResult;
import dev.clobcancel.domain.model.OrderId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A cancel whose every order was settled: for each, where it is and what says so. The exchange's
 * answer to the cancel is here when one came; when it was lost, {@link #cancelFailure()} says how,
 * and the orders were settled by their events or by reading them.
 *
 * <pre>{@code
 * ConfirmedCancel confirmed = confirmer.cancelAndConfirm(ids).toCompletableFuture().join();
 * confirmed.settlements().forEach(s -> log.info("{}: {} ({})", s.orderId(), s.state(), s.evidence()));
 * }</pre>
 */
public record ConfirmedCancel(List<Settlement> settlements, Optional<CancelResult> answer,
                              Optional<ClobException> cancelFailure) {

    public ConfirmedCancel {
        settlements = List.copyOf(Objects.requireNonNull(settlements, "settlements"));
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(cancelFailure, "cancelFailure");
    }

    /** The settlement of {@code id}, if it was one of the orders of this cancel. */
    public Optional<Settlement> settlement(OrderId id) {
        return settlements.stream().filter(s -> s.orderId().equalsIgnoreCase(id.value())).findFirst();
    }

    /** Whether every order is confirmed canceled. */
    public boolean allCanceled() {
        return settlements.stream().allMatch(s -> s.state() == Settlement.State.CANCELED);
    }

    /** Whether every order is known to be off the book: canceled, matched, or not found. */
    public boolean allOffTheBook() {
        return settlements.stream().allMatch(s -> s.state().isOffTheBook());
    }
}
