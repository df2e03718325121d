package dev.parley.server;

import dev.parley.engine.protocol.NumberedEvent;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;

/**
 * One live connection of a seat: batches of the events it may see are queued by the negotiation (never blocking it)
 * and sent, in order, by the subscriber's own virtual thread. A connection that falls {@link #MAX_QUEUED} batches
 * behind is dropped: its client resumes from the last event number it saw. Thread-safe.
 */
final class Subscriber {
    /** How many batches may wait for a slow connection before it is dropped. */
    static final int MAX_QUEUED = 1_024;

    /** Tells the sender to end; a list of its own, so that no batch (an empty one included) is ever taken for it. */
    private static final List<NumberedEvent> STOP = new java.util.ArrayList<>();

    final String party;
    /** The organiser watching the party's view: counted apart, and not dropped with the party's own connections. */
    final boolean watcher;
    private final Consumer<List<NumberedEvent>> sink;
    private final Runnable onDrop;
    private final BlockingQueue<List<NumberedEvent>> queue = new ArrayBlockingQueue<>(MAX_QUEUED + 1);
    private final Thread sender;
    private final java.util.concurrent.atomic.AtomicBoolean stopped = new java.util.concurrent.atomic.AtomicBoolean();

    /**
     * @param sink sends one batch; a batch may be empty (the talks moved on without an event this seat may see)
     * @param onDrop called once when the subscriber is dropped for falling behind or for a failing sink
     */
    Subscriber(String party, boolean watcher, Consumer<List<NumberedEvent>> sink, Runnable onDrop) {
        this.party = party;
        this.watcher = watcher;
        this.sink = sink;
        this.onDrop = onDrop;
        this.sender = Thread.ofVirtual().name("parley-live-" + party).start(this::send);
    }

    /** Queues a batch; false when the subscriber is stopped or has fallen too far behind (it is then dropped). */
    boolean offer(List<NumberedEvent> batch) {
        if (stopped.get()) {
            return false;
        }
        if (queue.size() >= MAX_QUEUED || !queue.offer(List.copyOf(batch))) {
            drop();
            return false;
        }
        return true;
    }

    /** Stops sending; what is queued is discarded. Returns whether this call stopped it. */
    boolean stop() {
        if (!stopped.compareAndSet(false, true)) {
            return false;
        }
        queue.clear();
        queue.offer(STOP);
        return true;
    }

    /** Stops sending and tells the connection (once), e.g. to close it so that its client resumes. */
    void drop() {
        if (stop()) {
            onDrop.run();
        }
    }

    private void send() {
        try {
            while (true) {
                List<NumberedEvent> batch = queue.take();
                if (batch == STOP || stopped.get()) {
                    return;
                }
                try {
                    sink.accept(batch);
                } catch (RuntimeException e) {
                    drop(); // a broken connection stops listening
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
