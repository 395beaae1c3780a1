package dev.clobcancel.simulator.ws;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.vertx.core.Context;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.impl.WebSocketImplBase;
import java.nio.charset.StandardCharsets;
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
 * fills the kernel's buffers, then the socket's write queue (its limit is
 * {@link Channels#SOCKET_QUEUE_BYTES}), then this queue, and is disconnected, without a close
 * frame it would not read, when this one is full.
 *
 * <p>A message goes on the socket unflushed; the sockets written to in one turn of an event loop
 * are flushed together at its end ({@link FlushBatch}), so a socket that hears many changes made in
 * one turn (a load of cancels, a cancel-all) gets them in one write, not one write each. A message
 * counts as written, for {@link #whenWritten}, once it is flushed.
 */
final class Connection {

    private static final Logger LOG = LoggerFactory.getLogger(Connection.class);
    /** The WebSocket close code of a refusal: policy violation. */
    static final short POLICY = 1008;
    /** A close reason is at most 123 bytes of UTF-8. */
    private static final int MAX_REASON = 120;

    /** A message on its way, with its place in the connection's order and the time it may go (0: now). */
    private record Outgoing(byte[] text, long sequence, long notBeforeNanos) {
    }

    /** Runs once every message up to {@code sequence} is written, or once it never will be. */
    private record Waiter(long sequence, Runnable then) {
    }

    private final long id;
    private final String channel;
    private final ServerWebSocket socket;
    /** The socket's channel, to cut it. */
    private final Channel netty;
    /** Where the socket's frames enter its pipeline, as Vert.x's own writes do; on the socket's event loop only. */
    private final ChannelHandlerContext pipeline;
    private final Context context;
    /** The socket's event loop thread: a message offered on it, with nothing queued, is written at once. */
    private final Thread loop;
    private final int limit;
    private final ArrayDeque<Outgoing> queue = new ArrayDeque<>();
    private final List<Waiter> waiters = new ArrayList<>(2);
    private long offered;
    private long written;
    private int delayed;
    private boolean draining;
    private boolean blocked;
    private boolean closed;
    /** On the socket's event loop only: the last message put on the socket, and whether a flush is due. */
    private long put;
    private boolean flushDue;

    /** Made on the socket's event loop, whose thread it remembers. */
    Connection(long id, String channel, ServerWebSocket socket, Context context, int limit) {
        this.id = id;
        this.channel = channel;
        this.socket = socket;
        this.pipeline = ((WebSocketImplBase<?>) socket).channelHandlerContext();
        this.netty = pipeline.channel();
        this.context = context;
        this.loop = Thread.currentThread();
        this.limit = limit;
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
     * Sends {@code text} (UTF-8, not to be changed after) {@code delayMs} from now (0: as soon as
     * the socket takes it): put on the socket at once when offered on the socket's own loop with
     * nothing queued, queued otherwise.
     * Returns the message's place to wait for, or 0 when there is nothing to wait for: the
     * connection is closed or behind (its client reads slowly, or a delay holds its queue), or the
     * message is delayed. A full queue disconnects the client.
     */
    long offer(byte[] text, long delayMs) {
        boolean direct;
        long sequence = 0;
        boolean schedule = false;
        boolean behind = false;
        synchronized (this) {
            if (closed) {
                return 0;
            }
            // On the socket's own loop with nothing ahead of it: straight to the socket, no hop.
            direct = delayMs == 0 && !draining && !blocked && queue.isEmpty() && Thread.currentThread() == loop;
            if (direct) {
                sequence = ++offered;
            } else {
                if (queue.size() >= limit) {
                    closed = true;
                    queue.clear();
                    // The answers that waited for this client go now: it will never read what they waited for.
                    List<Waiter> dropped = release(Long.MAX_VALUE);
                    LOG.debug("{}: its client reads too slowly, {} messages wait; disconnecting it", this, limit);
                    // A close frame would wait behind what the client does not read: cut the connection.
                    context.runOnContext(v -> {
                        cut();
                        dropped.forEach(waiter -> waiter.then().run());
                    });
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
        }
        if (direct) {
            put(text, sequence);
            if (!netty.isWritable()) {
                synchronized (this) {
                    blocked = true;
                }
                resumeWhenOut();
                return 0;
            }
            return sequence;
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
                // The socket holds as much as it may unsent: the client is behind. resumeWhenOut says when it is not.
                if (!netty.isWritable()) {
                    draining = false;
                    blocked = true;
                    done = release(Long.MAX_VALUE);
                    resumeWhenOut();
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
            }
            put(next.text(), next.sequence());
        }
        done.forEach(waiter -> waiter.then().run());
    }

    /** On the socket's event loop: the message goes on the socket, to be flushed at the end of the loop's turn. */
    private void put(byte[] text, long sequence) {
        // The bytes are wrapped, not copied: every connection that hears a change shares its one encoding.
        pipeline.write(new TextWebSocketFrame(Unpooled.wrappedBuffer(text)), pipeline.voidPromise());
        put = sequence;
        if (!flushDue) {
            flushDue = true;
            FlushBatch.join(this);
        }
    }

    /**
     * On the socket's event loop, once it holds as much as it may: a marker after what it holds,
     * flushed, whose write completing says the client has read that far and the queue may go on.
     */
    private void resumeWhenOut() {
        pipeline.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(written -> {
            synchronized (this) {
                blocked = false;
            }
            scheduleDrain();
        });
    }

    /** On the socket's event loop, from its flush batch: what was put goes out; who waited for it goes on. */
    private void flush() {
        flushDue = false;
        pipeline.flush();
        List<Waiter> done;
        synchronized (this) {
            written = Math.max(written, put);
            done = release(written);
        }
        done.forEach(waiter -> waiter.then().run());
    }

    /**
     * The connections an event loop wrote to in its current turn, flushed together in a task that
     * runs after the turn's reads: one system call per socket, however many messages it was given.
     */
    private static final class FlushBatch {
        private static final ThreadLocal<FlushBatch> OF_THIS_LOOP = ThreadLocal.withInitial(FlushBatch::new);
        private final List<Connection> due = new ArrayList<>();

        static void join(Connection connection) {
            FlushBatch batch = OF_THIS_LOOP.get();
            if (batch.due.isEmpty()) {
                connection.pipeline.executor().execute(batch::flush);
            }
            batch.due.add(connection);
        }

        /**
         * By index: a waiter let go by one flush may put on another socket, which joins this same
         * pass. One connection's failure is logged and stops no other: the batch must end empty, or
         * no later turn would schedule its flush.
         */
        private void flush() {
            for (int i = 0; i < due.size(); i++) {
                try {
                    due.get(i).flush();
                } catch (RuntimeException e) {
                    LOG.warn("{}: flushing failed", due.get(i), e);
                }
            }
            due.clear();
        }
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
        offer(text.getBytes(StandardCharsets.UTF_8), 0);
    }

    /** Drops the connection without a close frame, as a crash or a cut cable would. */
    void drop() {
        synchronized (this) {
            closed = true;
            queue.clear();
        }
        context.runOnContext(v -> cut());
    }

    /**
     * Closes the connection at once, past the pipeline, whose WebSocket handlers would first say
     * goodbye with a close frame and wait for it to be written. On the socket's event loop.
     */
    private void cut() {
        netty.unsafe().close(netty.voidPromise());
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
