package dev.attend.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StageQueueTest {

    private static List<Integer> drain(StageQueue<Integer> q) throws InterruptedException {
        q.finish();
        List<Integer> out = new ArrayList<>();
        Integer i;
        while ((i = q.take(1)) != null) {
            out.add(i);
        }
        return out;
    }

    @Test
    void dropNewestKeepsTheFirstAndCountsTheRest() throws Exception {
        StageQueue<Integer> q = new StageQueue<>(3, OverflowPolicy.DROP_NEWEST);
        List<Boolean> clean = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            clean.add(q.put(i));
        }
        assertThat(clean).containsExactly(true, true, true, false, false, false, false, false, false, false);
        assertThat(q.dropped()).isEqualTo(7);
        assertThat(q.accepted()).isEqualTo(3);
        assertThat(q.highWater()).isEqualTo(3);
        assertThat(drain(q)).containsExactly(0, 1, 2);
    }

    @Test
    void dropOldestKeepsTheNewest() throws Exception {
        StageQueue<Integer> q = new StageQueue<>(3, OverflowPolicy.DROP_OLDEST);
        for (int i = 0; i < 10; i++) {
            q.put(i);
        }
        assertThat(q.dropped()).isEqualTo(7);
        assertThat(q.accepted()).isEqualTo(10);
        assertThat(drain(q)).containsExactly(7, 8, 9);
    }

    @Test
    void blockAcceptsEverythingInOrder() throws Exception {
        StageQueue<Integer> q = new StageQueue<>(2, OverflowPolicy.BLOCK);
        List<Integer> got = new java.util.concurrent.CopyOnWriteArrayList<>();
        Thread consumer = new Thread(() -> {
            try {
                Integer i;
                while ((i = q.take(5)) != null) {
                    got.add(i);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        consumer.start();
        for (int i = 0; i < 100; i++) {
            assertThat(q.put(i)).isTrue();
        }
        q.finish();
        consumer.join(10_000);
        assertThat(got).hasSize(100).isSorted();
        assertThat(q.dropped()).isZero();
        assertThat(q.highWater()).isLessThanOrEqualTo(2);
    }

    @Test
    void finishedQueuesRefuseItemsAndCapacityMustBePositive() {
        StageQueue<Integer> q = new StageQueue<>(1, OverflowPolicy.BLOCK);
        q.finish();
        assertThatThrownBy(() -> q.put(1)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new StageQueue<Integer>(0, OverflowPolicy.BLOCK))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void finishWakesAConsumerWaitingWithoutATimeout() throws Exception {
        StageQueue<Integer> q = new StageQueue<>(4, OverflowPolicy.BLOCK);
        java.util.concurrent.CompletableFuture<Integer> got = new java.util.concurrent.CompletableFuture<>();
        java.util.concurrent.CountDownLatch waiting = new java.util.concurrent.CountDownLatch(1);
        Thread consumer = new Thread(() -> {
            try {
                waiting.countDown();
                got.complete(q.take()); // no re-check interval: only finish() can end this wait
            } catch (InterruptedException e) {
                got.completeExceptionally(e);
            }
        });
        consumer.start();
        waiting.await();
        q.finish();
        consumer.join(10_000);
        assertThat(consumer.isAlive()).isFalse();
        assertThat(got.getNow(-1)).isNull();
    }

    @Test
    void aBlockedProducerResumesOnceTheConsumerDrainsHalfTheQueue() throws Exception {
        StageQueue<Integer> q = new StageQueue<>(4, OverflowPolicy.BLOCK);
        for (int i = 0; i < 4; i++) {
            q.put(i);
        }
        Thread producer = new Thread(() -> {
            try {
                q.put(4);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        producer.start();
        awaitWaiting(producer);
        assertThat(q.take()).isZero();
        assertThat(q.take()).isEqualTo(1); // half drained: the producer is woken
        producer.join(10_000);
        assertThat(producer.isAlive()).isFalse();
        assertThat(drain(q)).containsExactly(2, 3, 4);
        assertThat(q.dropped()).isZero();
    }

    @Test
    void clearWakesABlockedProducer() throws Exception {
        StageQueue<Integer> q = new StageQueue<>(1, OverflowPolicy.BLOCK);
        q.put(0);
        Thread producer = new Thread(() -> {
            try {
                q.put(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        producer.start();
        awaitWaiting(producer);
        assertThat(q.clear()).isEqualTo(1);
        producer.join(10_000);
        assertThat(producer.isAlive()).isFalse();
        assertThat(q.depth()).isEqualTo(1);
    }

    /** Until the thread parks (in put's wait for room). */
    private static void awaitWaiting(Thread t) throws InterruptedException {
        while (t.getState() != Thread.State.WAITING) {
            Thread.sleep(1);
        }
    }
}
