package dev.clobcancel.simulator.ws;

import io.vertx.core.Context;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.impl.WebSocketImplBase;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client's socket and what is on its way to it. Any thread may {@link #offer} a message; the
 * messages wait in a bounded queue, in the order offered, and are written on the socket's own
 * event loop, so the exchange's thread never blocks on a client. A client that stops reading
 * fills the socket's write queue, then this queue, and is disconnected when it is full.
 */
final class Connection {

    private static final Logger LOG = LoggerFactory.getLogger(Connection.class);
    /** WebSocket close codes: policy violation (refused), and going away (too slow to keep up). */
    static final short POLICY = 1008;
    static final short TOO_SLOW = 1013;
    /** A close reason is at most 123 bytes of UTF-8. */
    private static final int MAX_REASON = 120;

    /** A message on its way, with its place in the connection's order and the time it may go (0: now). */
    private record Outgoing(String text, long sequence, long notBeforeNanos) {
    }

    /** Runs once every message up to {@code sequence} is written, or once it never will be. */
    private record Waiter(long sequence, Runnable then) {
    }

    private final long id;
    private final String channel;
    private final ServerWebSocket socket;
    private final Context context;
    private final int limit;
    private final ArrayDeque<Outgoing> queue = new ArrayDeque<>();
    private final List<Waiter> waiters = new ArrayList<>(2);
    private long offered;
    private long written;
    private int delayed;
    private boolean draining;
    private boolean blocked;
    private boolean closed;

    Connection(long id, String channel, ServerWebSocket socket, Context context, int limit) {
        this.id = id;
        this.channel = channel;
        this.socket = socket;
        this.context = context;
        this.limit = limit;
        socket.drainHandler(v -> {
            synchronized (this) {
                blocked = false;
            }
            scheduleDrain();
        });
    }

    long id() {
        return id;
    }

    String channel() {
        return channel;
    }

    ServerWebSocket socket() {
        return socket;
    }

    /**
     * Queues {@code text} to go {@code delayMs} from now (0: as soon as the socket takes it).
     * Returns the message's place to wait for, or 0 when there is nothing to wait for: the
     * connection is closed, behind (its client reads slowly, or a delay holds its queue), or the
     * message is delayed. A full queue disconnects the client.
     */
    long offer(String text, long delayMs) {
        long sequence;
        boolean schedule;
        boolean behind;
        synchronized (this) {
            if (closed) {
                return 0;
            }
            if (queue.size() >= limit) {
                closed = true;
                queue.clear();
                release(Long.MAX_VALUE);
                context.runOnContext(v -> shutdown(TOO_SLOW, "subscriber too slow: its buffer of " + limit + " messages is full"));
                return 0;
            }
            sequence = ++offered;
            behind = blocked || delayed > 0 || delayMs > 0;
            if (delayMs > 0) {
                delayed++;
            }
            queue.add(new Outgoing(text, sequence, delayMs > 0 ? System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(delayMs) : 0));
            schedule = !draining;
            draining = true;
        }
        if (schedule) {
            context.runOnContext(v -> drain());
        }
        return behind ? 0 : sequence;
    }

    /**
     * Runs {@code then} once the messages up to {@code sequence} are written; returns false,
     * without running it, when they are already written or never will be.
     */
    synchronized boolean whenWritten(long sequence, Runnable then) {
        if (closed || blocked || written >= sequence) {
            return false;
        }
        waiters.add(new Waiter(sequence, then));
        return true;
    }

    private void scheduleDrain() {
        synchronized (this) {
            if (draining || closed) {
                return;
            }
            draining = true;
        }
        context.runOnContext(v -> drain());
    }

    /** On the socket's event loop: writes what may go now, in order, until the socket's own queue is full. */
    private void drain() {
        List<Waiter> done;
        while (true) {
            Outgoing next;
            synchronized (this) {
                next = queue.peek();
                if (closed || next == null) {
                    draining = false;
                    done = release(written);
                    break;
                }
                if (socket.writeQueueFull()) {
                    draining = false;
                    blocked = true;
                    done = release(Long.MAX_VALUE);
                    break;
                }
                long wait = next.notBeforeNanos() == 0 ? 0 : next.notBeforeNanos() - System.nanoTime();
                if (wait > 0) {
                    done = release(written);
                    context.owner().setTimer(Math.max(1, TimeUnit.NANOSECONDS.toMillis(wait)), timer -> {
                        synchronized (this) {
                            draining = false;
                        }
                        scheduleDrain();
                    });
                    break;
                }
                queue.poll();
                if (next.notBeforeNanos() != 0) {
                    delayed--;
                }
                written = next.sequence();
            }
            socket.writeTextMessage(next.text());
        }
        done.forEach(waiter -> waiter.then().run());
    }

    /** The waiters whose messages are written (or, with MAX_VALUE, all of them). Under the lock. */
    private List<Waiter> release(long upTo) {
        if (waiters.isEmpty()) {
            return List.of();
        }
        List<Waiter> done = new ArrayList<>();
        waiters.removeIf(waiter -> {
            if (waiter.sequence() <= upTo) {
                done.add(waiter);
                return true;
            }
            return false;
        });
        return done;
    }

    /** Called once the socket is closed, whoever closed it: nothing more goes, nobody waits. */
    void closed() {
        List<Waiter> done;
        synchronized (this) {
            closed = true;
            queue.clear();
            done = release(Long.MAX_VALUE);
        }
        done.forEach(waiter -> waiter.then().run());
    }

    /** Sends nothing more: a close frame with {@code code} and {@code reason}, then the connection goes. */
    void close(short code, String reason) {
        refuse(null, code, reason);
    }

    /**
     * Sends {@code answer} (null: none) at once, ahead of anything still queued, then a close
     * frame with {@code code} and {@code reason}; nothing after.
     */
    void refuse(String answer, short code, String reason) {
        synchronized (this) {
            closed = true;
            queue.clear();
        }
        context.runOnContext(v -> {
            if (answer != null) {
                socket.writeTextMessage(answer);
            }
            shutdown(code, reason);
        });
    }

    /** Writes {@code text} (an answer such as PONG or INVALID OPERATION) after what is queued. */
    void answer(String text) {
        offer(text, 0);
    }

    /** Drops the connection without a close frame, as a crash or a cut cable would. */
    void drop() {
        synchronized (this) {
            closed = true;
            queue.clear();
        }
        context.runOnContext(v -> {
            if (socket instanceof WebSocketImplBase<?> impl) {
                impl.channelHandlerContext().channel().close();
            } else {
                socket.close();
            }
        });
    }

    private void shutdown(short code, String reason) {
        String shortReason = reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason;
        LOG.debug("closing {} connection {}: {}", channel, id, shortReason);
        // A client that reads nothing never answers the close frame: do not wait for it.
        socket.shutdown(0, TimeUnit.MILLISECONDS, code, shortReason);
    }

    @Override
    public String toString() {
        return channel + " connection " + id;
    }
}
