package dev.attend.pipeline;

import dev.attend.concurrent.AttendThreads;
import dev.attend.event.CoreEvents;
import dev.attend.event.EventSink;
import dev.attend.media.AudioChunk;
import dev.attend.media.MediaItem;
import dev.attend.media.VideoFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sources' threads ({@code attend-source-*}): each reads its source until it ends, at the session's pace, and
 * hands every item to the media stages of its kind. When the last one has ended, {@code allEnded} runs.
 */
final class SourcePumps {

    private static final Logger LOG = LoggerFactory.getLogger(SourcePumps.class);

    private final List<MediaSource> sources;
    private final StageSet stages;
    private final MediaCounters counters;
    private final PauseControl pauses;
    private final Pacing pacing;
    private final EventSink events;
    private final BooleanSupplier stopping;
    private final Runnable sourceFailed;
    private final Runnable allEnded;
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicInteger running = new AtomicInteger();
    private volatile double stopAt = Double.POSITIVE_INFINITY;
    private volatile boolean reachedStopAt;
    private volatile boolean failed;

    SourcePumps(List<MediaSource> sources, StageSet stages, MediaCounters counters, PauseControl pauses,
                Pacing pacing, EventSink events, BooleanSupplier stopping, Runnable sourceFailed, Runnable allEnded) {
        this.sources = sources;
        this.stages = stages;
        this.counters = counters;
        this.pauses = pauses;
        this.pacing = pacing;
        this.events = events;
        this.stopping = stopping;
        this.sourceFailed = sourceFailed; // the session then ends with reason "error"
        this.allEnded = allEnded; // also when there was no source
    }

    void stopAt(double seconds) {
        this.stopAt = seconds;
    }

    /** True when a source ended at the {@link #stopAt} time (the session then ends "stopped"). */
    boolean reachedStopAt() {
        return reachedStopAt;
    }

    /** Makes one (unstarted) thread per source. */
    void create() {
        running.set(sources.size());
        for (MediaSource s : sources) {
            threads.add(AttendThreads.newThread("source-" + s.name(), () -> pump(s)));
        }
    }

    /** Starts the threads of the live sources ({@code live}) or of the file sources. */
    void start(boolean live) {
        for (int i = 0; i < sources.size(); i++) {
            if (sources.get(i).live() == live) {
                threads.get(i).start();
            }
        }
        if (!live && sources.isEmpty()) {
            allEnded.run();
        }
    }

    /** Asks every source to return now: devices are woken, their threads interrupted (each closes its source). */
    void stopAll() {
        sources.forEach(MediaSource::wakeUp);
        threads.forEach(Thread::interrupt);
    }

    void join(long millis) throws InterruptedException {
        for (Thread t : threads) {
            t.join(millis);
        }
    }

    private void pump(MediaSource source) {
        try {
            while (!stopping.getAsBoolean() && !failed) {
                MediaItem item = source.read();
                if (item == null) {
                    for (String w : failed ? List.<String>of() : source.warnings()) { // e.g. a file shorter than its header says
                        LOG.warn("{}: {}", source.name(), w);
                        events.emit(new CoreEvents.SourceError(counters.time(), source.name(), w, false));
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
            if (!stopping.getAsBoolean()) {
                LOG.error("source {} failed", source.name(), e);
                events.emit(new CoreEvents.SourceError(counters.time(), source.name(), e.getMessage(), true));
                sourceFailed.run();
                endOthers(source);
            }
        } finally {
            source.close();
            if (running.decrementAndGet() == 0) {
                allEnded.run();
            }
        }
    }

    /**
     * One source died (a microphone or camera unplugged): the session cannot go on as asked, so the others end
     * too (a live microphone would otherwise keep it running forever). What was read before is still processed.
     */
    private void endOthers(MediaSource dead) {
        failed = true;
        for (int i = 0; i < sources.size(); i++) {
            if (sources.get(i) != dead) {
                sources.get(i).wakeUp();
                threads.get(i).interrupt();
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
}
