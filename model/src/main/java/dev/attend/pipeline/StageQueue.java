package dev.attend.pipeline;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bounded queue in front of one stage, with an explicit {@link OverflowPolicy} and counters. An end marker
 * ({@link #finish()}) tells the consumer that nothing more will come.
 */
public final class StageQueue<T> {

    private final ArrayBlockingQueue<T> queue;
    private final OverflowPolicy policy;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();
    private volatile boolean finished;
    private volatile int highWater;

    public StageQueue(int capacity, OverflowPolicy policy) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1: " + capacity);
        }
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.policy = policy;
    }

    /**
     * Adds an item according to the policy.
     *
     * @return false when an item was dropped (the new one for DROP_NEWEST, the oldest for DROP_OLDEST)
     * @throws InterruptedException when a BLOCK wait is interrupted (the pipeline is stopping)
     */
    public boolean put(T item) throws InterruptedException {
        if (finished) {
            throw new IllegalStateException("queue already finished");
        }
        boolean clean = true;
        switch (policy) {
            case BLOCK -> queue.put(item);
            case DROP_NEWEST -> {
                if (!queue.offer(item)) {
                    dropped.incrementAndGet();
                    return false;
                }
            }
            case DROP_OLDEST -> {
                while (!queue.offer(item)) {
                    if (queue.poll() != null) {
                        dropped.incrementAndGet();
                        clean = false;
                    }
                }
            }
            default -> throw new IllegalStateException("unknown policy " + policy);
        }
        accepted.incrementAndGet();
        int depth = queue.size();
        if (depth > highWater) {
            highWater = depth;
        }
        return clean;
    }

    /** Next item, or null once finished and empty. Waits at most {@code timeoutMs} per check of the end marker. */
    public T take(long timeoutMs) throws InterruptedException {
        while (true) {
            T item = queue.poll(timeoutMs, TimeUnit.MILLISECONDS);
            if (item != null) {
                return item;
            }
            if (finished && queue.isEmpty()) {
                return null;
            }
        }
    }

    /** No more items will be put; the consumer drains what is queued and then sees null. */
    public void finish() {
        finished = true;
    }

    /** Drops everything queued without counting it as overflow (used on stop). */
    public int clear() {
        int n = queue.size();
        queue.clear();
        return n;
    }

    public boolean isFinished() {
        return finished;
    }

    public int depth() {
        return queue.size();
    }

    public int capacity() {
        return queue.size() + queue.remainingCapacity();
    }

    public int highWater() {
        return highWater;
    }

    public long dropped() {
        return dropped.get();
    }

    public long accepted() {
        return accepted.get();
    }

    public OverflowPolicy policy() {
        return policy;
    }
}
