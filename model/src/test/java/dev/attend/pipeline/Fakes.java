package dev.attend.pipeline;

import dev.attend.media.AudioChunk;
import dev.attend.media.MediaItem;
import dev.attend.media.VideoFrame;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/** Small fake sources and stages: they exercise the pipeline code around them. */
final class Fakes {

    private Fakes() {
    }

    static AudioChunk chunk(long seq) {
        return new AudioChunk(seq, seq * 0.08, new float[1280], System.nanoTime());
    }

    static VideoFrame frame(long seq) {
        return new VideoFrame(seq, seq / 25.0, 2, 2, new byte[12], System.nanoTime());
    }

    /** Hook called before each read with the index of the item about to be produced. */
    interface BeforeRead {
        void before(int index) throws InterruptedException;
    }

    /** Produces {@code count} items (or endless with -1) from a generator. */
    static final class ListSource implements MediaSource {
        final String name;
        final boolean live;
        final int count;
        final IntFunction<MediaItem> make;
        final AtomicInteger closes = new AtomicInteger();
        final AtomicInteger opens = new AtomicInteger();
        volatile BeforeRead beforeRead = i -> { };
        volatile Runnable onEnd = () -> { }; // runs when read() is about to report the end: every put is done
        volatile SourceException failOnOpen;
        volatile int reads;
        volatile boolean woken;

        ListSource(String name, boolean live, int count, IntFunction<MediaItem> make) {
            this.name = name;
            this.live = live;
            this.count = count;
            this.make = make;
        }

        static ListSource audio(int count) {
            return new ListSource("fake-audio", false, count, Fakes::chunk);
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Map<String, Object> describe() {
            return Map.of("kind", name);
        }

        @Override
        public boolean live() {
            return live;
        }

        @Override
        public void open(SessionClock clock) throws SourceException {
            opens.incrementAndGet();
            if (failOnOpen != null) {
                throw failOnOpen;
            }
        }

        @Override
        public MediaItem read() throws InterruptedException {
            if (woken || (count >= 0 && reads >= count)) {
                onEnd.run();
                return null;
            }
            beforeRead.before(reads);
            return make.apply(reads++);
        }

        @Override
        public void wakeUp() {
            woken = true;
        }

        @Override
        public void close() {
            closes.incrementAndGet();
        }
    }

    /** Records what it sees; an optional hook runs inside process. */
    static class RecordingStage<T> implements Stage<T> {
        final String name;
        final List<T> seen = new CopyOnWriteArrayList<>();
        final AtomicInteger starts = new AtomicInteger();
        final AtomicInteger ends = new AtomicInteger();
        final AtomicInteger closes = new AtomicInteger();

        RecordingStage(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void start(StageContext ctx) {
            starts.incrementAndGet();
        }

        @Override
        public void process(T item, StageContext ctx) throws Exception {
            seen.add(item);
        }

        @Override
        public void end(StageContext ctx) {
            ends.incrementAndGet();
        }

        @Override
        public void close() {
            closes.incrementAndGet();
        }

        List<Long> seqs() {
            return seen.stream().map(i -> ((MediaItem) i).seq()).toList();
        }
    }
}
