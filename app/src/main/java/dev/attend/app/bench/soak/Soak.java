package dev.attend.app.bench.soak;

import dev.attend.app.session.FeatureOptions;
import dev.attend.app.session.SessionFactory;
import dev.attend.app.session.SessionSpec;
import dev.attend.event.CoreEvents;
import dev.attend.pipeline.Pacing;
import dev.attend.pipeline.Pipeline;
import dev.attend.pipeline.SourceException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Replays {@link SoakMedia} in back-to-back {@code --fast} sessions with every stage on until the time is up,
 * sampling the process between sessions (once per interval), and checks the samples after the warm-up for growth.
 */
public final class Soak {

    /** How a soak ran: samples, counts and the trend verdicts. */
    public record Report(List<ProcessSample> samples, List<ProcessSample> steady, List<TrendCheck.Result> trends,
                         long sessions, long events, Map<String, Long> eventCounts, List<String> errors,
                         double maxSteadyRssMiB) {
        public boolean grows() {
            return trends.stream().anyMatch(TrendCheck.Result::grows);
        }
    }

    private final SoakMedia media;
    private final String translationPair;
    private final Duration length;
    private final Duration sampleEvery;
    private final Duration warmup;
    private final java.util.Set<String> without;

    /** Stages that {@code --without} can leave out, to find which one grows. */
    public static final List<String> STAGES = List.of("asr", "translation", "attention", "faces", "wake", "vad");

    public Soak(SoakMedia media, String translationPair, Duration length, Duration sampleEvery, Duration warmup,
                java.util.Set<String> without) {
        this.media = media;
        this.translationPair = translationPair;
        this.length = length;
        this.sampleEvery = sampleEvery;
        this.warmup = warmup;
        this.without = java.util.Set.copyOf(without);
    }

    SessionSpec spec() {
        FeatureOptions f = new FeatureOptions(without.contains("asr") ? null : media.model().toString(),
                without.contains("translation") || translationPair == null ? null
                        : dev.attend.translate.TranslationFeature.of(translationPair),
                new dev.attend.encoders.audio.AudioEncoderFeature(!without.contains("vad"),
                        without.contains("wake") ? List.of() : List.of("hey_jarvis"),
                        dev.attend.encoders.audio.wake.WakeOptions.withThreshold(0.5)),
                without.contains("faces") ? null : dev.attend.encoders.vision.FaceFeature.defaults(),
                without.contains("attention") ? null : dev.attend.attention.AttentionFeature.defaults());
        return new SessionSpec(null, media.audio(), null, media.video(), Pacing.FAST, 640, 480, 30, f);
    }

    public Report run(PrintWriter out) throws SourceException, InterruptedException {
        return run(out, null);
    }

    /** As {@link #run(PrintWriter)}, each sample also written to {@code log} (null = none) as it is taken. */
    public Report run(PrintWriter out, SampleLog log) throws SourceException, InterruptedException {
        long t0 = System.nanoTime();
        long end = t0 + length.toNanos();
        long nextSample = t0;
        List<ProcessSample> samples = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        Map<String, Long> counts = new TreeMap<>();
        AtomicLong events = new AtomicLong();
        long sessions = 0;
        out.println("  minute   sessions   rss MiB   heap MiB (after GC)   threads   fds");
        while (true) {
            long now = System.nanoTime();
            if (now >= nextSample) {
                ProcessSample s = ProcessSample.take((now - t0) / 1e9);
                samples.add(s);
                out.printf(java.util.Locale.ROOT, "  %6.1f   %8d   %7.1f   %19.1f   %7d   %3d%n", s.elapsedSeconds() / 60,
                        sessions, s.rssMiB(), s.heapMiB(), s.threads(), s.fds());
                out.flush();
                if (log != null) {
                    try {
                        log.append(s, sessions);
                    } catch (java.io.IOException e) {
                        throw new SourceException("soak samples not written to " + log.file() + ": " + e.getMessage(),
                                e);
                    }
                }
                nextSample += sampleEvery.toNanos();
            }
            if (now >= end) {
                break;
            }
            runSession(events, counts, errors);
            sessions++;
        }
        List<ProcessSample> steady = samples.stream()
                .filter(s -> s.elapsedSeconds() >= warmup.toSeconds()).toList();
        List<TrendCheck.Result> trends = TrendCheck.all(steady);
        double maxRss = steady.stream().mapToDouble(ProcessSample::rssMiB).max().orElse(-1);
        return new Report(samples, steady, trends, sessions, events.get(), counts, errors, maxRss);
    }

    private void runSession(AtomicLong events, Map<String, Long> counts, List<String> errors)
            throws SourceException, InterruptedException {
        try (Pipeline p = SessionFactory.create(spec(), e -> {
            events.incrementAndGet();
            synchronized (counts) {
                counts.merge(e.type(), 1L, Long::sum);
            }
            if (e instanceof CoreEvents.SourceError se) {
                synchronized (errors) {
                    errors.add(se.source() + ": " + se.message());
                }
            }
        })) {
            p.start();
            if (!p.awaitEnd(Duration.ofMinutes(5))) {
                throw new IllegalStateException("a soak session did not end within 5 minutes");
            }
        }
    }
}
