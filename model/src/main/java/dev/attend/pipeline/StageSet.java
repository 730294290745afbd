package dev.attend.pipeline;

import dev.attend.event.AttendEvent;
import dev.attend.event.EventBus;
import dev.attend.media.AudioChunk;
import dev.attend.media.VideoFrame;
import dev.attend.token.Token;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stage runners of one session: audio and video stages fed by the sources, bus stages (event and token) fed from
 * the session's buses, in the order they were added. Wires, starts, drains and closes them.
 */
final class StageSet {

    private static final Logger LOG = LoggerFactory.getLogger(StageSet.class);

    final List<StageRunner<AudioChunk>> audio = new ArrayList<>();
    final List<StageRunner<VideoFrame>> video = new ArrayList<>();
    private final List<StageRunner<?>> bus = new ArrayList<>(); // event and token stages, in order added
    private final Pacing pacing;

    StageSet(Pipeline.Builder b, StageContext ctx, EventBus<AttendEvent> eventBus, EventBus<Token> tokenBus,
             boolean anyLive) {
        this.pacing = b.pacing;
        for (Stage<AudioChunk> s : b.audioStages) {
            audio.add(new StageRunner<>(s, "audio", b.audioCapacity, audioPolicy(anyLive), ctx, AudioChunk::t, true));
        }
        for (Stage<VideoFrame> s : b.videoStages) {
            video.add(new StageRunner<>(s, "video", b.videoCapacity, videoPolicy(anyLive), ctx, VideoFrame::t, true));
        }
        for (BusStage<?> s : b.busStages) {
            bus.add(s.event() ? feed(eventBus, AttendEvent.class, s, "events", AttendEvent::t, ctx, b.busCapacity)
                    : feed(tokenBus, Token.class, s, "tokens", Token::t, ctx, b.busCapacity));
        }
    }

    /** A stage fed from a bus with the items it accepts; never with its own output, nor after it has ended. */
    @SuppressWarnings("unchecked")
    private static <B> StageRunner<B> feed(EventBus<B> bus, Class<B> base, BusStage<?> spec, String stream,
                                           ToDoubleFunction<B> time, StageContext ctx, int capacity) {
        BusStage<B> s = (BusStage<B>) spec;
        StageRunner<B> r = new StageRunner<>(s.stage(), stream, capacity, OverflowPolicy.BLOCK, ctx, time, false);
        bus.subscribe(base, item -> {
            if (!s.accepts().test(item) || Thread.currentThread() == r.thread() || r.queue().isFinished()) {
                return; // not wanted, its own output, or the stage has already ended
            }
            try {
                r.put(item, System.nanoTime());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // the publisher is being stopped; the item is not needed
            } catch (IllegalStateException e) {
                LOG.debug("{} ended before {} arrived", r.name(), item.getClass().getSimpleName());
            }
        });
        return r;
    }

    private static OverflowPolicy audioPolicy(boolean anyLive) {
        return anyLive ? OverflowPolicy.DROP_NEWEST : OverflowPolicy.BLOCK;
    }

    private OverflowPolicy videoPolicy(boolean anyLive) {
        return anyLive || pacing == Pacing.REALTIME ? OverflowPolicy.DROP_OLDEST : OverflowPolicy.BLOCK;
    }

    /** The policies follow the sources that did open: a camera that is not there must not make a file drop audio. */
    void applyPolicies(boolean anyLive) {
        audio.forEach(r -> r.queue().policy(audioPolicy(anyLive)));
        video.forEach(r -> r.queue().policy(videoPolicy(anyLive)));
    }

    void startThreads() {
        audio.forEach(StageRunner::startThread);
        video.forEach(StageRunner::startThread);
        bus.forEach(StageRunner::startThread);
    }

    /**
     * Blocks until every stage's {@code start} (model loading) returned or failed; a failed start was reported by
     * its runner. {@code stopping} turning true ends the wait.
     */
    void awaitStarted(BooleanSupplier stopping) {
        try {
            for (StageRunner<?> r : all()) {
                while (!r.awaitStarted(100, TimeUnit.MILLISECONDS)) {
                    if (stopping.getAsBoolean()) {
                        return;
                    }
                }
            }
        } catch (InterruptedException e) {
            // keep the flag for the caller; the session still starts, so it ends and closes as usual
            Thread.currentThread().interrupt();
        }
    }

    /** No more media: the media stages finish what is queued. */
    void finishMedia() {
        audio.forEach(r -> r.queue().finish());
        video.forEach(r -> r.queue().finish());
    }

    /** Stopping: media stages skip what is queued; bus stages still finish their work. */
    void clearMedia() {
        media().forEach(r -> r.queue().clear());
    }

    void joinMedia() throws InterruptedException {
        for (StageRunner<?> r : media()) {
            r.thread().join();
        }
    }

    /**
     * Media is done: each bus stage in turn finishes its queue and its {@code end} (so what one emits at its end
     * still reaches those added after it), within {@code wait} in all.
     */
    void drainBusStages(Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        for (StageRunner<?> r : bus) {
            r.queue().finish();
            long left = deadline - System.nanoTime();
            if (left > 0) {
                TimeUnit.NANOSECONDS.timedJoin(r.thread(), left);
            }
            if (r.thread().isAlive()) {
                LOG.warn("stage {} still busy after {} s; ending the session without the rest of its work", r.name(),
                        wait.toSeconds());
                r.abandon();
            }
        }
    }

    void joinAll(long millis) throws InterruptedException {
        for (StageRunner<?> r : all()) {
            r.thread().join(millis);
        }
    }

    long audioDropped() {
        return audio.stream().mapToLong(r -> r.queue().dropped()).sum();
    }

    long videoDropped() {
        return video.stream().mapToLong(r -> r.queue().dropped()).sum();
    }

    void closeUnstarted() {
        all().forEach(StageRunner::closeUnstarted);
    }

    List<StageRunner<?>> media() {
        List<StageRunner<?>> all = new ArrayList<>(audio);
        all.addAll(video);
        return all;
    }

    List<StageRunner<?>> all() {
        List<StageRunner<?>> all = media();
        all.addAll(bus);
        return all;
    }

    /** A bus stage as the builder holds it: the stage, which bus, and which items it wants. */
    record BusStage<B>(Stage<B> stage, boolean event, Predicate<B> accepts) {
    }
}
