package dev.clobcancel.simulator.assertj;

import dev.clobcancel.domain.model.OrderId;
import dev.clobcancel.simulator.ClobSimulator;
import dev.clobcancel.simulator.exchange.OrderStatus;
import dev.clobcancel.simulator.exchange.OrderView;
import dev.clobcancel.simulator.journal.JournalEntry;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.ListAssert;

/**
 * AssertJ assertions over what a simulator holds and what it was sent.
 *
 * <pre>{@code
 * import static dev.clobcancel.simulator.assertj.SimulatorAssert.assertThat;
 *
 * assertThat(sim).hasOrder(id, OrderStatus.CANCELED)
 *                .receivedRequests("DELETE", "/order").hasSize(2);
 * }</pre>
 */
public final class SimulatorAssert extends AbstractAssert<SimulatorAssert, ClobSimulator> {

    private SimulatorAssert(ClobSimulator actual) {
        super(actual, SimulatorAssert.class);
    }

    public static SimulatorAssert assertThat(ClobSimulator simulator) {
        return new SimulatorAssert(simulator);
    }

    /** The order exists and stands at {@code status}. */
    public SimulatorAssert hasOrder(OrderId id, OrderStatus status) {
        isNotNull();
        Optional<OrderView> order = actual.order(id);
        if (order.isEmpty()) {
            failWithMessage("Expected the simulator to hold order %s, but it holds no such order", id);
        } else if (order.get().status() != status) {
            failWithMessage("Expected order %s to be %s, but it is %s (size %s, matched %s)", id, status,
                    order.get().status(), order.get().size().toPlainString(), order.get().sizeMatched().toPlainString());
        }
        return this;
    }

    public SimulatorAssert hasOrderCanceled(OrderId id) {
        return hasOrder(id, OrderStatus.CANCELED);
    }

    public SimulatorAssert hasOrderLive(OrderId id) {
        return hasOrder(id, OrderStatus.LIVE);
    }

    /** The journal's entries of {@code method path}, oldest first, to assert on further. */
    public ListAssert<JournalEntry> receivedRequests(String method, String path) {
        isNotNull();
        List<JournalEntry> entries = actual.journal().entries(
                entry -> entry.method().equalsIgnoreCase(method) && entry.path().equals(path));
        return Assertions.assertThat(entries).as("%s %s requests received by the simulator", method, path);
    }

    /** Nothing reached the exchange endpoints (since the last reset or journal clear). */
    public SimulatorAssert receivedNoRequests() {
        isNotNull();
        List<JournalEntry> entries = actual.journal().entries();
        if (!entries.isEmpty()) {
            JournalEntry first = entries.get(0);
            failWithMessage("Expected no requests, but the simulator received %d, the first %s %s answered %d",
                    entries.size(), first.method(), first.path(), first.status());
        }
        return this;
    }
}
