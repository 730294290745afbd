package dev.attend.pipeline;

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A bounded queue in front of one stage, with an explicit {@link OverflowPolicy} and counters. An end marker
 * ({@link #finish()}) tells the consumer that nothing more will come; it wakes a waiting consumer at once.
 *
 * <p>A producer blocked on a full BLOCK queue is woken when the queue has drained to half its capacity, not after
 * every item: a fast file source ahead of a slow stage then wakes once per half queue instead of once per chunk
 * (each wake-up is a thread switch that cost the ASR path about a tenth of its time on a busy machine).
 */
public final class StageQueue<T> {

    private final ArrayDeque<T> queue;
    private final int capacity;
    private final int lowWater;
    private volatile OverflowPolicy policy;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final Condition notFull = lock.newCondition();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();
    private volatile boolean finished;
    private volatile int highWater;
    private int waitingProducers; // guarded by lock

    public StageQueue(int capacity, OverflowPolicy policy) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1: " + capacity);
        }
        this.queue = new ArrayDeque<>(capacity);
        this.capacity = capacity;
        this.lowWater = capacity / 2;
        this.policy = policy;
    }

    /**
     * Adds an item according to the policy.
     *
     * @return false when an item was dropped (the new one for DROP_NEWEST, the oldest for DROP_OLDEST)
     * @throws InterruptedException when a BLOCK wait is interrupted (the pipeline is stopping)
     */
    public boolean put(T item) throws InterruptedException {
        if (item == null) {
            throw new NullPointerException("item");
        }
        boolean clean = true;
        lock.lock(); // a full BLOCK queue's wait below still answers an interrupt
        try {
            if (finished) {
                throw new IllegalStateException("queue already finished");
            }
            switch (policy) {
                case BLOCK -> {
                    while (queue.size() >= capacity) {
                        waitingProducers++;
                        try {
                            notFull.await();
                        } finally {
                            waitingProducers--;
                        }
                    }
                }
                case DROP_NEWEST -> {
                    if (queue.size() >= capacity) {
                        dropped.incrementAndGet();
                        return false;
                    }
                }
                case DROP_OLDEST -> {
                    while (queue.size() >= capacity) {
                        queue.poll();
                        dropped.incrementAndGet();
                        clean = false;
                    }
                }
                default -> throw new IllegalStateException("unknown policy " + policy);
            }
            queue.add(item);
            accepted.incrementAndGet();
            if (queue.size() > highWater) {
                highWater = queue.size();
            }
            notEmpty.signal();
        } finally {
            lock.unlock();
        }
        return clean;
    }

    /** Next item, or null once finished and empty; waits as long as neither is there. */
    public T take() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (queue.isEmpty()) {
                if (finished) {
                    return null;
                }
                notEmpty.await();
            }
            return dequeue();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Next item, or null once finished and empty; like {@link #take()}, but re-checks at least every
     * {@code timeoutMs} (a safety net only: {@link #finish()} and {@link #put} wake the consumer at once).
     */
    public T take(long timeoutMs) throws InterruptedException {
        long nanos = TimeUnit.MILLISECONDS.toNanos(Math.max(1, timeoutMs));
        lock.lockInterruptibly();
        try {
            while (queue.isEmpty()) {
                if (finished) {
                    return null;
                }
                notEmpty.awaitNanos(nanos);
            }
            return dequeue();
        } finally {
            lock.unlock();
        }
    }

    private T dequeue() {
        T item = queue.poll();
        if (waitingProducers > 0 && queue.size() <= lowWater) {
            notFull.signalAll();
        }
        return item;
    }

    /** No more items will be put; the consumer drains what is queued and then sees null. */
    public void finish() {
        lock.lock();
        try {
            finished = true;
            notEmpty.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Drops everything queued without counting it as overflow (used on stop). */
    public int clear() {
        lock.lock();
        try {
            int n = queue.size();
            queue.clear();
            notFull.signalAll();
            return n;
        } finally {
            lock.unlock();
        }
    }

    public boolean isFinished() {
        return finished;
    }

    public int depth() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    public int capacity() {
        return capacity;
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

    /** Changes the policy; the pipeline does this once, after its sources opened and before any item is put. */
    void policy(OverflowPolicy p) {
        this.policy = java.util.Objects.requireNonNull(p, "policy");
    }
}
