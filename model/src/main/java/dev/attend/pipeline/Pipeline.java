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
 * The parts: {@link StageSet} (stage wiring and draining), {@link StatsReporter} (periodic stats),
 * {@link MediaCounters}, {@link PauseControl}, {@link SourceOpener}.
 */
public final class Pipeline implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);

    private final List<MediaSource> sources;
    private final List<MediaSource> optional;
    private final StageSet stages;
    private final FailStopSink sink;
    private final EventSink events;
    private final EventBus<AttendEvent> eventBus = new EventBus<>("events");
    private final EventBus<Token> tokenBus = new EventBus<>("tokens");
    private final Duration busStageEndWait;
    private final Pacing pacing;
    private final StatsReporter stats;
    private final MediaCounters counters = new MediaCounters();
    private final PauseControl pauses = new PauseControl();
    private final List<Thread> sourceThreads = new ArrayList<>();
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicInteger liveSources = new AtomicInteger();
    private final AtomicReference<String> endReason = new AtomicReference<>();
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile Thread finisher;
    private SessionClock clock;
    private volatile double stopAt = Double.POSITIVE_INFINITY;
    private final double mediaStart;
    private volatile boolean reachedStopAt;
    private volatile boolean sourceFailed;
    private final Object inputLock = new Object();
    private boolean inputClosed; // guarded by inputLock: set once the session starts finishing

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
        this.stages = new StageSet(b, context(), eventBus, tokenBus, sources.stream().anyMatch(MediaSource::live));
        this.stats = new StatsReporter(stages, events, this::currentMediaTime, b.statsInterval);
    }

    private StageContext context() {
        return new StageContext() {
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
    }

    /** The session's event bus: every event, on the thread that emitted it (subscribers must be quick). */
    public EventBus<AttendEvent> events() {
        return eventBus;
    }

    /** The session's token bus: audio, video and text embeddings, on the encoder's thread (be quick). */
    public EventBus<Token> tokens() {
        return tokenBus;
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
        List<CoreEvents.SourceError> skipped;
        try {
            skipped = SourceOpener.open(sources, optional, clock);
        } catch (SourceException | RuntimeException e) {
            stages.closeUnstarted();
            closed.set(true);
            ended.countDown();
            throw e;
        }
        stages.applyPolicies(sources.stream().anyMatch(MediaSource::live));
        List<Map<String, Object>> described = sources.stream().map(MediaSource::describe).toList();
        LOG.info("session started ({}): {}", pacing.name().toLowerCase(), described);
        events.emit(new CoreEvents.SessionStart(0, EventSchema.VERSION, described, pacing.name().toLowerCase()));
        skipped.forEach(events::emit);
        stages.startThreads();
        liveSources.set(sources.size());
        for (MediaSource s : sources) {
            sourceThreads.add(AttendThreads.newThread("source-" + s.name(), () -> pump(s)));
        }
        // a device keeps capturing whether or not it is read (an unread line overruns and its sample-count clock
        // falls behind), so live sources start at once; their queues hold the audio while the models load
        startSourceThreads(true);
        stages.awaitStarted(stopping::get);
        // files and their real-time pacing start only now: a stage still loading its model would otherwise find
        // the first seconds of a real-time file late (or, for video, dropped)
        pauses.startClock(mediaStart);
        stats.start(clock.startNanos());
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

    private void pump(MediaSource source) {
        try {
            while (!stopping.get() && !sourceFailed) {
                MediaItem item = source.read();
                if (item == null) {
                    for (String w : sourceFailed ? List.<String>of() : source.warnings()) { // e.g. a file shorter than its header says
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
                        pauses.clock().awaitDue(item.t());
                    } else {
                        pauses.clock().awaitRunning();
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
                endOtherSources(source);
            }
        } finally {
            source.close();
            sourceEnded(source);
        }
    }

    /**
     * One source died (a microphone or camera unplugged): the session cannot go on as asked, so the others end
     * too (a live microphone would otherwise keep it running forever). What was read before is still processed.
     */
    private void endOtherSources(MediaSource failed) {
        sourceFailed = true;
        for (int i = 0; i < sources.size(); i++) {
            if (sources.get(i) != failed) {
                sources.get(i).wakeUp();
                sourceThreads.get(i).interrupt();
            }
        }
    }

    private void publish(MediaItem item) throws InterruptedException {
        counters.count(item);
        if (item instanceof AudioChunk a) {
            for (StageRunner<AudioChunk> r : stages.audio) {
                r.put(a, a.enteredNanos());
            }
        } else if (item instanceof VideoFrame f) {
            for (StageRunner<VideoFrame> r : stages.video) {
                r.put(f, f.enteredNanos());
            }
        }
    }

    private void sourceEnded(MediaSource source) {
        if (liveSources.decrementAndGet() > 0 && source != null) {
            return;
        }
        // all sources done: let stages drain, then finish the session on a separate thread
        stages.finishMedia();
        Thread f = AttendThreads.newThread("finish", this::finishSession);
        finisher = f;
        f.start();
    }

    private void finishSession() {
        synchronized (inputLock) {
            inputClosed = true; // what was published before still reaches the bus stages drained below
        }
        try {
            stages.joinMedia();
            stats.stop();
            stages.drainBusStages(busStageEndWait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stats.emit();
        endReason.compareAndSet(null, stopping.get() || reachedStopAt ? "stopped" : "eof");
        MediaCounters.Snapshot m = counters.snapshot();
        CoreEvents.SessionEnd end = new CoreEvents.SessionEnd(m.mediaTime(), endReason.get(), m.audioSeconds(),
                m.videoFrames(), stages.audioDropped(), stages.videoDropped(),
                MediaCounters.round6((System.nanoTime() - clock.startNanos()) / 1e9));
        LOG.info("session ended: {}", end);
        try {
            events.emit(end);
        } finally {
            ended.countDown();
        }
    }

    /**
     * Publishes an event from a source outside the media, e.g. a {@code text.typed} sentence: written and put on the
     * event bus like a stage's, on the caller's thread, so bus stages, the events file and history all see it.
     *
     * @return false (nothing published) once the session is finishing or has ended
     */
    public boolean publish(AttendEvent event) {
        synchronized (inputLock) {
            if (!started.get() || inputClosed) {
                return false;
            }
            events.emit(event);
            return true;
        }
    }

    /** Latest media time that reached the buses. */
    public double currentMediaTime() {
        return counters.time();
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
        pauses.pause();
    }

    public void resume() {
        pauses.resume();
    }

    public boolean isPaused() {
        return pauses.isPaused();
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
        stages.clearMedia(); // bus stages still finish their work
    }

    /** Stops if needed and joins every thread; closes every source and stage exactly once. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (!started.get()) {
            sources.forEach(MediaSource::close); // built but never started: still owned, still closed once
            stages.closeUnstarted();
            return;
        }
        stop();
        try {
            for (Thread t : sourceThreads) {
                t.join(10_000);
            }
            ended.await(30, TimeUnit.SECONDS);
            stages.joinAll(10_000);
            Thread f = finisher;
            if (f != null) {
                f.join(10_000);
            }
            stats.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Builds a pipeline; sources and stages are owned (closed) by the pipeline from then on. */
    public static final class Builder {
        final List<MediaSource> sources = new ArrayList<>();
        final List<MediaSource> optional = new ArrayList<>();
        final List<Stage<AudioChunk>> audioStages = new ArrayList<>();
        final List<Stage<VideoFrame>> videoStages = new ArrayList<>();
        EventSink events = EventSink.discard();
        Pacing pacing = Pacing.REALTIME;
        double mediaStart;
        Duration statsInterval = Duration.ofSeconds(1);
        int audioCapacity = 64;  // 64 x 80 ms = 5 s of audio
        int videoCapacity = 4;
        final List<StageSet.BusStage<?>> busStages = new ArrayList<>();
        int busCapacity = 1024;
        Duration busStageEndWait = Duration.ofMinutes(2);

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
            busStages.add(new StageSet.BusStage<AttendEvent>(s, true,
                    e -> types.isEmpty() || types.stream().anyMatch(c -> c.isInstance(e))));
            return this;
        }

        /** A stage fed from the token bus with the tokens of these modalities (none given: all). */
        public Builder tokenStage(Stage<Token> s, Token.Modality... modalities) {
            List<Token.Modality> m = List.of(modalities);
            busStages.add(new StageSet.BusStage<Token>(s, false, tk -> m.isEmpty() || m.contains(tk.modality())));
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

}
