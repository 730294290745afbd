package dev.attend.pipeline;

import dev.attend.event.AttendEvent;
import dev.attend.event.CoreEvents;
import dev.attend.event.EventBus;
import dev.attend.event.EventSchema;
import dev.attend.event.EventSink;
import dev.attend.media.AudioChunk;
import dev.attend.media.VideoFrame;
import dev.attend.token.Token;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The streaming media pipeline: sources on their own threads publish to the media stages, each with its own bounded
 * queue ({@link OverflowPolicy}: BLOCK for files, DROP_NEWEST for live audio, DROP_OLDEST for real-time video, drops
 * counted and reported) and thread. Every event goes to the session's sink (the CLI's writer, the GUI's bridge) and
 * onto its {@link #events() event bus}; every embedding goes onto its {@link #tokens() token bus}. Bus stages ({@link
 * Builder#eventStage}, {@link Builder#tokenStage}) are ordinary stages fed from a bus; at the end they finish what is
 * queued, in the order added, before the final {@code stats} and {@code session.end}. A stage is never handed an item
 * it published itself. Start once, then {@link #awaitEnd} or {@link #stop}; {@link #close} always joins every thread
 * it started and closes every source and stage. The parts: {@link StageSet} (stage wiring and draining), {@link
 * SourcePumps} (the source threads), {@link SessionFinish} (the end), {@link StatsReporter} and the small ones beside.
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
    private final Pacing pacing;
    private final StatsReporter stats;
    private final MediaCounters counters = new MediaCounters();
    private final PauseControl pauses = new PauseControl();
    private final SourcePumps pumps;
    private final SessionFinish finish;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private SessionClock clock;
    private final double mediaStart;

    private Pipeline(Builder b) {
        this.sources = new ArrayList<>(b.sources);
        this.optional = List.copyOf(b.optional);
        // a sink that cannot write (full disk, closed pipe) stops the session instead of failing stage after stage
        this.sink = new FailStopSink(b.events, this::eventsFailed);
        this.events = e -> {
            sink.emit(e); // first: a bus stage's output never overtakes the event it answers
            eventBus.publish(e);
        };
        this.pacing = b.pacing;
        this.mediaStart = b.mediaStart;
        this.stages = new StageSet(b, new Context(events, tokenBus, pacing, stopping),
                eventBus, tokenBus, sources.stream().anyMatch(MediaSource::live));
        this.stats = new StatsReporter(stages, events, counters::time, b.statsInterval);
        this.finish = new SessionFinish(stages, stats, counters, events, b.busStageEndWait, this::stoppedByRequest);
        this.pumps = new SourcePumps(sources, stages, counters, pauses, pacing, events, stopping::get,
                finish::failed, () -> finish.begin(clock.startNanos()));
    }

    /** The session was stopped, or its media reached the {@link #stopAt} time. */
    private boolean stoppedByRequest() {
        return stopping.get() || pumps.reachedStopAt();
    }

    /** What each stage sees of this session. */
    private record Context(EventSink events, EventBus<Token> tokens, Pacing pacing, AtomicBoolean stop)
            implements StageContext {
        @Override
        public boolean stopping() {
            return stop.get();
        }
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
        pumps.stopAt(seconds);
    }

    private void eventsFailed(RuntimeException e) {
        // the caller reports it (the CLI in one line); the trace is for the log file
        LOG.info("events cannot be written, stopping the session", e);
        finish.failed();
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
            finish.never();
            throw e;
        }
        stages.applyPolicies(sources.stream().anyMatch(MediaSource::live));
        List<Map<String, Object>> described = sources.stream().map(MediaSource::describe).toList();
        LOG.info("session started ({}): {}", pacing.name().toLowerCase(), described);
        events.emit(new CoreEvents.SessionStart(0, EventSchema.VERSION, described, pacing.name().toLowerCase()));
        skipped.forEach(events::emit);
        stages.startThreads();
        pumps.create();
        // a device keeps capturing whether or not it is read (an unread line overruns and its sample-count clock
        // falls behind), so live sources start at once; their queues hold the audio while the models load
        pumps.start(true);
        stages.awaitStarted(stopping::get);
        // files and their real-time pacing start only now: a stage still loading its model would otherwise find
        // the first seconds of a real-time file late (or, for video, dropped)
        pauses.startClock(mediaStart);
        stats.start(clock.startNanos());
        pumps.start(false);
    }

    /**
     * Publishes an event from a source outside the media, e.g. a {@code text.typed} sentence: written and put on the
     * event bus like a stage's, on the caller's thread, so bus stages, the events file and history all see it.
     *
     * @return false (nothing published) once the session is finishing or has ended
     */
    public boolean publish(AttendEvent event) {
        return finish.publish(started.get(), event);
    }

    /** Latest media time that reached the buses. */
    public double currentMediaTime() {
        return counters.time();
    }

    /** Waits until every source ended and every stage drained. */
    public boolean awaitEnd(Duration timeout) throws InterruptedException {
        return finish.await(timeout);
    }

    /** The write error that stopped the session's event sink, or null. */
    public Throwable eventsFailure() {
        return sink.failure();
    }

    /** Why the session ended ("eof", "stopped", "error"), or null while it runs. */
    public String endReason() {
        return finish.reason();
    }

    public boolean isEnded() {
        return finish.isEnded();
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
        pumps.stopAll(); // a device read returns; the source's own thread closes it
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
            pumps.join(10_000);
            finish.await(Duration.ofSeconds(30));
            stages.joinAll(10_000);
            finish.joinThread(10_000);
            stats.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Builds a pipeline; sources and stages are owned (closed) by the pipeline from then on. The session's sink,
     * pacing and queue sizes are set through the methods of {@link PipelineTuning}.
     */
    public static final class Builder extends PipelineTuning<Builder> {
        final List<MediaSource> sources = new ArrayList<>();
        final List<MediaSource> optional = new ArrayList<>();
        final List<Stage<AudioChunk>> audioStages = new ArrayList<>();
        final List<Stage<VideoFrame>> videoStages = new ArrayList<>();
        final List<StageSet.BusStage<?>> busStages = new ArrayList<>();

        private Builder() {
        }

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

        public Pipeline build() {
            return new Pipeline(this);
        }
    }
}
