package dev.attend.pipeline;

import dev.attend.concurrent.AttendThreads;
import dev.attend.event.AttendEvent;
import dev.attend.event.CoreEvents;
import dev.attend.event.EventBus;
import dev.attend.event.EventSchema;
import dev.attend.event.EventSink;
import dev.attend.media.AudioChunk;
import dev.attend.media.MediaItem;
import dev.attend.media.VideoFrame;
import dev.attend.token.Token;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The streaming media pipeline: sources on their own threads publish to an audio bus and a video bus; each stage
 * has its own bounded queue and thread. Overflow policy:
 * <ul>
 *   <li>audio, file sources: BLOCK (backpressure; nothing lost);</li>
 *   <li>audio, live sources: DROP_NEWEST, counted and reported as {@code drop} events (a capture line must never
 *       block);</li>
 *   <li>video, fast files: BLOCK; video, real time or live: DROP_OLDEST (the freshest frame wins).</li>
 * </ul>
 * Every event goes to the session's sink (the CLI's writer, the GUI's bridge) and onto its {@link #events() event
 * bus}; every embedding the encoders make goes onto its {@link #tokens() token bus}. Bus stages
 * ({@link Builder#eventStage}, {@link Builder#tokenStage}) are ordinary stages fed from a bus, each with its own
 * bounded queue (BLOCK) and thread; at the end they finish what is queued, in the order they were added, before
 * the final {@code stats} and {@code session.end}. A stage is never handed an item it published itself.
 * A {@code stats} event goes out every {@link Builder#statsInterval}. Start once, then {@link #awaitEnd} or
 * {@link #stop}; {@link #close} always joins every thread it started and closes every source and stage.
 */
public final class Pipeline implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);

    private final List<MediaSource> sources;
    private final List<MediaSource> optional;
    private final List<StageRunner<AudioChunk>> audioStages = new ArrayList<>();
    private final List<StageRunner<VideoFrame>> videoStages = new ArrayList<>();
    private final List<StageRunner<?>> busStages = new ArrayList<>(); // event and token stages, in order added
    private final FailStopSink sink;
    private final EventSink events;
    private final EventBus<AttendEvent> eventBus = new EventBus<>("events");
    private final EventBus<Token> tokenBus = new EventBus<>("tokens");
    private final Duration busStageEndWait;
    private final Pacing pacing;
    private final Duration statsInterval;
    private final List<Thread> sourceThreads = new ArrayList<>();
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicInteger liveSources = new AtomicInteger();
    private final AtomicReference<String> endReason = new AtomicReference<>();
    private final CountDownLatch ended = new CountDownLatch(1);
    private final Object mediaLock = new Object();
    // a plain thread, not an executor, so close() can join it; never interrupted, because an interrupt would
    // close a file channel that an event sink may be writing to
    private Thread statsThread;
    private final Object statsLock = new Object();
    private boolean statsDone;
    private volatile Thread finisher;
    private SessionClock clock;
    // real-time pacing of files starts when the sources are open, so a slow open (FFmpeg probing a container)
    // does not turn the first second of a file into a burst
    private volatile PaceClock paceClock;
    private boolean pauseRequested; // guarded by pauseLock, with the creation of paceClock
    private final Object pauseLock = new Object();
    private double mediaTime;
    private double audioSeconds;
    private long videoFrames;
    private volatile double stopAt = Double.POSITIVE_INFINITY;
    private final double mediaStart;
    private volatile boolean reachedStopAt;

    private Pipeline(Builder b) {
        this.sources = new ArrayList<>(b.sources);
        this.optional = List.copyOf(b.optional);
        // a sink that cannot write (full disk, closed pipe) stops the session instead of failing stage after stage
        this.sink = new FailStopSink(b.events, this::eventsFailed);
        this.events = e -> {
            sink.emit(e); // first: a bus stage's output never overtakes the event it answers
            eventBus.publish(e);
        };
        this.busStageEndWait = b.busStageEndWait;
        this.pacing = b.pacing;
        this.mediaStart = b.mediaStart;
        this.statsInterval = b.statsInterval;
        boolean anyLive = sources.stream().anyMatch(MediaSource::live);
        StageContext ctx = new StageContext() {
            @Override
            public EventSink events() {
                return events;
            }

            @Override
            public EventBus<Token> tokens() {
                return tokenBus;
            }

            @Override
            public Pacing pacing() {
                return pacing;
            }

            @Override
            public boolean stopping() {
                return stopping.get();
            }
        };
        for (Stage<AudioChunk> s : b.audioStages) {
            audioStages.add(new StageRunner<>(s, "audio", b.audioCapacity, audioPolicy(anyLive), ctx, AudioChunk::t,
                    true));
        }
        for (Stage<VideoFrame> s : b.videoStages) {
            videoStages.add(new StageRunner<>(s, "video", b.videoCapacity, videoPolicy(anyLive), ctx, VideoFrame::t,
                    true));
        }
        for (BusStage<?> s : b.busStages) {
            busStages.add(s.event() ? feed(eventBus, AttendEvent.class, s, "events", AttendEvent::t, ctx, b)
                    : feed(tokenBus, Token.class, s, "tokens", Token::t, ctx, b));
        }
    }

    @SuppressWarnings("unchecked")
    private static <B> StageRunner<B> feed(EventBus<B> bus, Class<B> base, BusStage<?> spec, String stream,
                                           ToDoubleFunction<B> time, StageContext ctx, Builder b) {
        BusStage<B> s = (BusStage<B>) spec;
        StageRunner<B> r = new StageRunner<>(s.stage(), stream, b.busCapacity, OverflowPolicy.BLOCK, ctx, time, false);
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

    /** The session's event bus: every event, on the thread that emitted it (subscribers must be quick). */
    public EventBus<AttendEvent> events() {
        return eventBus;
    }

    /** The session's token bus: audio, video and text embeddings, on the encoder's thread (be quick). */
    public EventBus<Token> tokens() {
        return tokenBus;
    }

    private static OverflowPolicy audioPolicy(boolean anyLive) {
        return anyLive ? OverflowPolicy.DROP_NEWEST : OverflowPolicy.BLOCK;
    }

    private OverflowPolicy videoPolicy(boolean anyLive) {
        return anyLive || pacing == Pacing.REALTIME ? OverflowPolicy.DROP_OLDEST : OverflowPolicy.BLOCK;
    }

    /** The policies follow the sources that did open: a camera that is not there must not make a file drop audio. */
    private void applyPolicies() {
        boolean anyLive = sources.stream().anyMatch(MediaSource::live);
        audioStages.forEach(r -> r.queue().policy(audioPolicy(anyLive)));
        videoStages.forEach(r -> r.queue().policy(videoPolicy(anyLive)));
    }

    /**
     * Ends the session (reason "stopped") once media reaches {@code seconds}: each source ends at its first item at
     * or past that time (not published), and the stages finish what was queued, so a fast file stops exactly there
     * whatever the pace. Call before {@link #start}.
     */
    public void stopAt(double seconds) {
        if (!(seconds > 0)) {
            throw new IllegalArgumentException("stop time must be positive: " + seconds);
        }
        this.stopAt = seconds;
    }

    private void eventsFailed(RuntimeException e) {
        // the caller reports it (the CLI in one line); the trace is for the log file
        LOG.info("events cannot be written, stopping the session", e);
        endReason.compareAndSet(null, "error");
        stop();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Opens every source (failing fast with its message), starts the stage threads and waits until every stage's
     * {@link Stage#start} returned (or failed, which is reported as a non-fatal {@code error}), then starts the
     * source threads. Live sources start at once, since a capture device cannot pause.
     *
     * @throws SourceException when a required source cannot be opened; nothing is left running then
     */
    public void start() throws SourceException {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("pipeline already started");
        }
        clock = SessionClock.startingNow();
        List<MediaSource> opened = new ArrayList<>();
        List<CoreEvents.SourceError> skipped = new ArrayList<>();
        try {
            for (MediaSource s : List.copyOf(sources)) {
                try {
                    s.open(clock);
                    opened.add(s);
                } catch (SourceException e) {
                    if (!optional.contains(s) || sources.size() == 1) {
                        s.close(); // the pipeline owns it: closed here, once, like the ones already opened
                        throw e;
                    }
                    // e.g. no camera: the session goes on with the other sources
                    LOG.warn("{} unavailable, continuing without it: {}", s.name(), e.getMessage());
                    s.close();
                    sources.remove(s);
                    skipped.add(new CoreEvents.SourceError(0, s.name(), e.getMessage(), false));
                }
            }
        } catch (SourceException | RuntimeException e) {
            opened.forEach(MediaSource::close);
            closeStagesUnstarted();
            closed.set(true);
            ended.countDown();
            throw e;
        }
        applyPolicies();
        List<Map<String, Object>> described = sources.stream().map(MediaSource::describe).toList();
        LOG.info("session started ({}): {}", pacing.name().toLowerCase(), described);
        events.emit(new CoreEvents.SessionStart(0, EventSchema.VERSION, described, pacing.name().toLowerCase()));
        skipped.forEach(events::emit);
        audioStages.forEach(StageRunner::startThread);
        videoStages.forEach(StageRunner::startThread);
        busStages.forEach(StageRunner::startThread);
        liveSources.set(sources.size());
        for (MediaSource s : sources) {
            sourceThreads.add(AttendThreads.newThread("source-" + s.name(), () -> pump(s)));
        }
        // a device keeps capturing whether or not it is read (an unread line overruns and its sample-count clock
        // falls behind), so live sources start at once; their queues hold the audio while the models load
        startSourceThreads(true);
        awaitStagesStarted();
        // files and their real-time pacing start only now: a stage still loading its model would otherwise find
        // the first seconds of a real-time file late (or, for video, dropped)
        synchronized (pauseLock) {
            PaceClock pc = PaceClock.startingAt(mediaStart);
            if (pauseRequested) {
                pc.pause();
            }
            paceClock = pc;
        }
        statsThread = AttendThreads.start("stats", this::statsLoop);
        startSourceThreads(false);
        if (sources.isEmpty()) {
            sourceEnded(null);
        }
    }

    private void startSourceThreads(boolean live) {
        for (int i = 0; i < sources.size(); i++) {
            if (sources.get(i).live() == live) {
                sourceThreads.get(i).start();
            }
        }
    }

    /**
     * Blocks until every stage's {@code start} (model loading) returned or failed; a failed start was reported by
     * its runner. {@link #stop} from another thread ends the wait.
     */
    private void awaitStagesStarted() {
        try {
            for (StageRunner<?> r : allStages()) {
                while (!r.awaitStarted(100, TimeUnit.MILLISECONDS)) {
                    if (stopping.get()) {
                        return;
                    }
                }
            }
        } catch (InterruptedException e) {
            // keep the flag for the caller; the session still starts, so it ends and closes as usual
            Thread.currentThread().interrupt();
        }
    }

    private void pump(MediaSource source) {
        try {
            while (!stopping.get()) {
                MediaItem item = source.read();
                if (item == null) {
                    for (String w : source.warnings()) { // e.g. a file shorter than its header says
                        LOG.warn("{}: {}", source.name(), w);
                        events.emit(new CoreEvents.SourceError(currentMediaTime(), source.name(), w, false));
                    }
                    break;
                }
                if (item.t() >= stopAt) {
                    reachedStopAt = true; // this source ends here; the others go on to the same media time
                    break;
                }
                if (!source.live()) {
                    if (pacing == Pacing.REALTIME) {
                        paceClock.awaitDue(item.t());
                    } else {
                        paceClock.awaitRunning();
                    }
                }
                publish(item);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (SourceException | RuntimeException e) {
            if (!stopping.get()) {
                LOG.error("source {} failed", source.name(), e);
                events.emit(new CoreEvents.SourceError(currentMediaTime(), source.name(), e.getMessage(), true));
                endReason.compareAndSet(null, "error");
            }
        } finally {
            source.close();
            sourceEnded(source);
        }
    }

    private void publish(MediaItem item) throws InterruptedException {
        if (item instanceof AudioChunk a) {
            synchronized (mediaLock) {
                audioSeconds += a.duration();
                mediaTime = Math.max(mediaTime, a.endTime());
            }
            for (StageRunner<AudioChunk> r : audioStages) {
                r.put(a, a.enteredNanos());
            }
        } else if (item instanceof VideoFrame f) {
            synchronized (mediaLock) {
                videoFrames++;
                mediaTime = Math.max(mediaTime, f.t());
            }
            for (StageRunner<VideoFrame> r : videoStages) {
                r.put(f, f.enteredNanos());
            }
        }
    }

    /** A {@code stats} event every interval (fixed rate, wall clock) until {@link #stopStats}. */
    private void statsLoop() {
        long interval = statsInterval.toNanos();
        long next = System.nanoTime() + interval;
        while (true) {
            synchronized (statsLock) {
                long wait;
                while (!statsDone && (wait = next - System.nanoTime()) > 0) {
                    try {
                        TimeUnit.NANOSECONDS.timedWait(statsLock, wait);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                if (statsDone) {
                    return;
                }
                // under the lock, so once stopStats() returns no periodic stats can follow the final one
                emitStats();
            }
            next += interval;
        }
    }

    /**
     * Ends the stats loop: once this returns, no periodic stats event can follow. The session's end does not wait
     * for the thread itself to wake and exit (one less thread switch at the end of every session); close() joins it.
     */
    private void stopStats() {
        synchronized (statsLock) {
            statsDone = true;
            statsLock.notifyAll();
        }
    }

    private void joinStats() throws InterruptedException {
        stopStats();
        Thread t = statsThread;
        if (t != null && t != Thread.currentThread()) {
            t.join();
        }
    }

    private void sourceEnded(MediaSource source) {
        if (liveSources.decrementAndGet() > 0 && source != null) {
            return;
        }
        // all sources done: let stages drain, then finish the session on a separate thread
        audioStages.forEach(r -> r.queue().finish());
        videoStages.forEach(r -> r.queue().finish());
        Thread f = AttendThreads.newThread("finish", this::finishSession);
        finisher = f;
        f.start();
    }

    private void finishSession() {
        try {
            for (StageRunner<?> r : mediaStages()) {
                r.thread().join();
            }
            stopStats();
            drainBusStages();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        emitStats();
        endReason.compareAndSet(null, stopping.get() || reachedStopAt ? "stopped" : "eof");
        long audioDropped = audioStages.stream().mapToLong(r -> r.queue().dropped()).sum();
        long videoDropped = videoStages.stream().mapToLong(r -> r.queue().dropped()).sum();
        double t;
        double audio;
        long frames;
        synchronized (mediaLock) {
            t = mediaTime;
            audio = audioSeconds;
            frames = videoFrames;
        }
        CoreEvents.SessionEnd end = new CoreEvents.SessionEnd(round6(t), endReason.get(), round6(audio), frames,
                audioDropped, videoDropped, round6((System.nanoTime() - clock.startNanos()) / 1e9));
        LOG.info("session ended: {}", end);
        try {
            events.emit(end);
        } finally {
            ended.countDown();
        }
    }

    /**
     * Media is done: each bus stage in turn finishes its queue and its {@code end} (so what one emits at its end still
     * reaches those added after it), within {@link Builder#busStageEndWait} in all.
     */
    private void drainBusStages() throws InterruptedException {
        long deadline = System.nanoTime() + busStageEndWait.toNanos();
        for (StageRunner<?> r : busStages) {
            r.queue().finish();
            long left = deadline - System.nanoTime();
            if (left > 0) {
                TimeUnit.NANOSECONDS.timedJoin(r.thread(), left);
            }
            if (r.thread().isAlive()) {
                LOG.warn("stage {} still busy after {} s; ending the session without the rest of its work", r.name(),
                        busStageEndWait.toSeconds());
                r.abandon();
            }
        }
    }

    private void emitStats() {
        try {
            double t = currentMediaTime();
            List<CoreEvents.StageStats> stats = new ArrayList<>();
            for (StageRunner<?> r : allStages()) {
                stats.add(r.snapshot());
                long drops = r.newDrops();
                if (drops > 0) {
                    events.emit(new CoreEvents.Drop(t, r.name(), r.stream(), drops, r.queue().dropped()));
                    if ("audio".equals(r.stream())) {
                        LOG.warn("stage {} dropped {} audio chunks (total {})", r.name(), drops, r.queue().dropped());
                    }
                }
            }
            events.emit(new CoreEvents.Stats(t, round6((System.nanoTime() - clock.startNanos()) / 1e9), stats));
        } catch (RuntimeException e) {
            LOG.warn("stats not emitted", e);
        }
    }

    private List<StageRunner<?>> mediaStages() {
        List<StageRunner<?>> all = new ArrayList<>(audioStages);
        all.addAll(videoStages);
        return all;
    }

    private List<StageRunner<?>> allStages() {
        List<StageRunner<?>> all = mediaStages();
        all.addAll(busStages);
        return all;
    }

    /** Latest media time that reached the buses. */
    public double currentMediaTime() {
        synchronized (mediaLock) {
            return round6(mediaTime);
        }
    }

    /** Waits until every source ended and every stage drained. */
    public boolean awaitEnd(Duration timeout) throws InterruptedException {
        return ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The write error that stopped the session's event sink, or null. */
    public Throwable eventsFailure() {
        return sink.failure();
    }

    /** Why the session ended ("eof", "stopped", "error"), or null while it runs. */
    public String endReason() {
        return isEnded() ? endReason.get() : null;
    }

    public boolean isEnded() {
        return ended.getCount() == 0;
    }

    /**
     * Pauses file media: no further file item is released until {@link #resume}, and real-time pacing resumes
     * where it stopped. Live sources go on (a device cannot pause); stages finish what is queued.
     */
    public void pause() {
        synchronized (pauseLock) {
            pauseRequested = true;
            if (paceClock != null) {
                paceClock.pause();
            }
        }
    }

    public void resume() {
        synchronized (pauseLock) {
            pauseRequested = false;
            if (paceClock != null) {
                paceClock.resume();
            }
        }
    }

    public boolean isPaused() {
        synchronized (pauseLock) {
            return pauseRequested;
        }
    }

    /** Stops sources now; stages skip what is still queued, flush, and the session ends with reason "stopped". */
    public void stop() {
        if (!started.get() || !stopping.compareAndSet(false, true)) {
            return;
        }
        for (MediaSource s : sources) {
            s.wakeUp(); // a device read returns; the source's own thread closes it
        }
        sourceThreads.forEach(Thread::interrupt);
        mediaStages().forEach(r -> r.queue().clear()); // bus stages still finish their work
    }

    /** Stops if needed and joins every thread; closes every source and stage exactly once. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (!started.get()) {
            sources.forEach(MediaSource::close); // built but never started: still owned, still closed once
            closeStagesUnstarted();
            return;
        }
        stop();
        try {
            for (Thread t : sourceThreads) {
                t.join(10_000);
            }
            ended.await(30, TimeUnit.SECONDS);
            for (StageRunner<?> r : allStages()) {
                r.thread().join(10_000);
            }
            Thread f = finisher;
            if (f != null) {
                f.join(10_000);
            }
            joinStats();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void closeStagesUnstarted() {
        allStages().forEach(StageRunner::closeUnstarted);
    }

    private static double round6(double v) {
        return Math.round(v * 1e6) / 1e6;
    }

    /** Builds a pipeline; sources and stages are owned (closed) by the pipeline from then on. */
    public static final class Builder {
        private final List<MediaSource> sources = new ArrayList<>();
        private final List<MediaSource> optional = new ArrayList<>();
        private final List<Stage<AudioChunk>> audioStages = new ArrayList<>();
        private final List<Stage<VideoFrame>> videoStages = new ArrayList<>();
        private EventSink events = EventSink.discard();
        private Pacing pacing = Pacing.REALTIME;
        private double mediaStart;
        private Duration statsInterval = Duration.ofSeconds(1);
        private int audioCapacity = 64;  // 64 x 80 ms = 5 s of audio
        private int videoCapacity = 4;
        private final List<BusStage<?>> busStages = new ArrayList<>();
        private int busCapacity = 1024;
        private Duration busStageEndWait = Duration.ofMinutes(2);

        public Builder source(MediaSource s) {
            sources.add(s);
            return this;
        }

        /** A source the session can do without (a camera): if it fails to open, a non-fatal error is emitted. */
        public Builder optionalSource(MediaSource s) {
            sources.add(s);
            optional.add(s);
            return this;
        }

        public Builder audioStage(Stage<AudioChunk> s) {
            audioStages.add(s);
            return this;
        }

        public Builder videoStage(Stage<VideoFrame> s) {
            videoStages.add(s);
            return this;
        }

        /**
         * A stage fed from the event bus with the events that are one of {@code accepts} (none given: every event),
         * e.g. {@code eventStage(translation, AsrEvents.Final.class, AsrEvents.Partial.class)}. Its own events go to
         * the sink and the bus like any stage's.
         */
        @SafeVarargs
        public final Builder eventStage(Stage<AttendEvent> s, Class<? extends AttendEvent>... accepts) {
            List<Class<? extends AttendEvent>> types = List.of(accepts);
            busStages.add(new BusStage<AttendEvent>(s, true,
                    e -> types.isEmpty() || types.stream().anyMatch(c -> c.isInstance(e))));
            return this;
        }

        /** A stage fed from the token bus with the tokens of these modalities (none given: all). */
        public Builder tokenStage(Stage<Token> s, Token.Modality... modalities) {
            List<Token.Modality> m = List.of(modalities);
            busStages.add(new BusStage<Token>(s, false, tk -> m.isEmpty() || m.contains(tk.modality())));
            return this;
        }

        /** Queue size of each bus stage (default 1024; BLOCK: a full queue holds up the stage that publishes). */
        public Builder busQueueCapacity(int n) {
            this.busCapacity = n;
            return this;
        }

        /** How long the session's end waits for the bus stages to finish their queued work (default 2 min). */
        public Builder busStageEndWait(Duration d) {
            this.busStageEndWait = d;
            return this;
        }

        public Builder events(EventSink sink) {
            this.events = sink;
            return this;
        }

        public Builder pacing(Pacing p) {
            this.pacing = p;
            return this;
        }

        /**
         * Media time at which the file sources start (they were opened at that offset, for a seek): real-time
         * pacing counts from there instead of from 0. Default 0.
         */
        public Builder mediaStart(double seconds) {
            if (!(seconds >= 0)) {
                throw new IllegalArgumentException("media start must be 0 or more: " + seconds);
            }
            this.mediaStart = seconds;
            return this;
        }

        public Builder statsInterval(Duration d) {
            if (d.isZero() || d.isNegative()) {
                throw new IllegalArgumentException("stats interval must be positive");
            }
            this.statsInterval = d;
            return this;
        }

        public Builder audioQueueCapacity(int n) {
            this.audioCapacity = n;
            return this;
        }

        public Builder videoQueueCapacity(int n) {
            this.videoCapacity = n;
            return this;
        }

        public Pipeline build() {
            return new Pipeline(this);
        }
    }

    private record BusStage<B>(Stage<B> stage, boolean event, Predicate<B> accepts) {
    }

    /** Convenience for tests and the CLI: an event sink that keeps everything. */
    public static final class Collector implements EventSink {
        private final List<AttendEvent> list = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public void emit(AttendEvent e) {
            list.add(e);
        }

        public List<AttendEvent> events() {
            return List.copyOf(list);
        }

        public <E extends AttendEvent> List<E> ofType(Class<E> type) {
            return list.stream().filter(type::isInstance).map(type::cast).toList();
        }
    }
}
