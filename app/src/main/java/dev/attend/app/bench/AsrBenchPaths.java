package dev.attend.app.bench;

import dev.attend.event.AsrEvents;
import dev.attend.asr.AsrStage;
import dev.attend.asr.RecognizerOptions;
import dev.attend.testkit.ToneAudio;
import dev.attend.testkit.ToneLanguage;
import dev.attend.asr.vosk.VoskModelCache;
import dev.attend.audio.WavFileSource;
import dev.attend.event.EventJson;
import dev.attend.event.EventSink;
import dev.attend.media.AudioChunk;
import dev.attend.pipeline.Pacing;
import dev.attend.pipeline.Pipeline;
import dev.attend.pipeline.Stage;
import dev.attend.pipeline.StageContext;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.vosk.Recognizer;

/**
 * The two ways {@code attend bench asr} decodes a file — libvosk fed directly, and Attend's streaming path — plus the
 * real-time latency measurement. Both paths use the pipeline's 80 ms chunks.
 */
public final class AsrBenchPaths {

    /** Bytes per chunk: the pipeline's default 1280 samples (80 ms). */
    static final int CHUNK_BYTES = 2 * 1280;

    /** Per-word latencies in ms: wall clock (chunk arrival to partial) and media time (partial t minus word end). */
    public record Latency(List<Double> wallMs, List<Double> mediaMs) {
    }

    private AsrBenchPaths() {
    }

    /** Random tone-language utterances of 3–6 words, 1 s apart, at least {@code secs} long. */
    public static ToneAudio speech(double secs, long seed) {
        Random rnd = new Random(seed);
        List<String> words = ToneLanguage.defaultWordList();
        ToneAudio.Builder b = ToneAudio.builder().noise(10, seed).silence(0.5);
        double t = 0.5;
        while (t < secs) {
            List<String> u = new ArrayList<>();
            for (int i = 3 + rnd.nextInt(4); i > 0; i--) {
                u.add(words.get(rnd.nextInt(words.size())));
            }
            b.words(u, 0.3).silence(1.0);
            t += u.size() * (2 * ToneLanguage.TONE_SECONDS + 0.3) - 0.3 + 1.0;
        }
        return b.build();
    }

    /** The baseline: read the file, feed libvosk the same 80 ms chunks, ask for a partial after each as the stage does. */
    public static String direct(VoskModelCache.Lease lease, Path wav) throws Exception {
        StringBuilder text = new StringBuilder();
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(wav));
             AudioInputStream in = AudioSystem.getAudioInputStream(raw);
             Recognizer rec = new Recognizer(lease.model(), 16000)) {
            rec.setWords(true);
            byte[] buf = new byte[CHUNK_BYTES];
            int n;
            while ((n = in.readNBytes(buf, 0, buf.length)) > 0) {
                if (rec.acceptWaveForm(buf, n)) {
                    appendText(text, rec.getResult());
                } else {
                    rec.getPartialResult();
                }
            }
            appendText(text, rec.getFinalResult());
        }
        return text.toString();
    }

    private static void appendText(StringBuilder sb, String json) throws IOException {
        String t = EventJson.mapper().readTree(json).path("text").asText("");
        if (!t.isEmpty()) {
            sb.append(sb.length() > 0 ? " " : "").append(t);
        }
    }

    public static String viaPipeline(Path model, Path wav) throws Exception {
        List<AsrEvents.Final> finals = new CopyOnWriteArrayList<>();
        EventSink events = e -> {
            if (e instanceof AsrEvents.Final f) {
                finals.add(f);
            }
        };
        try (Pipeline p = Pipeline.builder().source(new WavFileSource(wav)).pacing(Pacing.FAST).events(events)
                .audioStage(new AsrStage(model, RecognizerOptions.defaults())).build()) {
            p.start();
            if (!p.awaitEnd(Duration.ofMinutes(30))) {
                throw new IllegalStateException("pipeline did not finish");
            }
        }
        return String.join(" ", finals.stream().map(AsrEvents.Final::text).toList());
    }

    /** Records when each chunk reached the audio bus (its own stage thread wakes as the ASR stage's does). */
    private static final class ArrivalProbe implements Stage<AudioChunk> {
        final ConcurrentHashMap<Long, Long> arrival = new ConcurrentHashMap<>();
        final ConcurrentHashMap<Long, Double> ends = new ConcurrentHashMap<>();

        @Override
        public String name() {
            return "probe";
        }

        @Override
        public void process(AudioChunk item, StageContext ctx) {
            arrival.put(item.seq(), System.nanoTime());
            ends.put(item.seq(), item.endTime());
        }
    }

    private record Stamped(AsrEvents.Partial partial, long nanos) {
    }

    /**
     * Plays {@code wav} in real time through the pipeline; per word of {@code speech}, the wall time from the arrival
     * of the chunk holding its last sample to the partial that first shows it (ms), and partial media time minus the
     * word's true end (ms). Empty lists when no partial came.
     */
    public static Latency latency(Path model, Path wav, ToneAudio speech, double seconds) throws Exception {
        ArrivalProbe probe = new ArrivalProbe();
        List<Stamped> partials = new CopyOnWriteArrayList<>();
        List<Integer> finalSizes = new CopyOnWriteArrayList<>();
        try (Pipeline p = Pipeline.builder().source(new WavFileSource(wav)).pacing(Pacing.REALTIME)
                .audioStage(probe).audioStage(new AsrStage(model, RecognizerOptions.defaults()))
                .events(e -> {
                    if (e instanceof AsrEvents.Partial pa) {
                        partials.add(new Stamped(pa, System.nanoTime()));
                    } else if (e instanceof AsrEvents.Final f) {
                        finalSizes.add(f.words().size());
                    }
                }).build()) {
            p.start();
            p.awaitEnd(Duration.ofSeconds((long) seconds * 3 + 30));
        }
        // word k of utterance u first shows in the partial whose text reaches k words
        List<Double> wall = new ArrayList<>();
        List<Double> media = new ArrayList<>();
        int base = 0;
        int utterance = 0;
        int shown = 0;
        for (Stamped s : partials) {
            while (s.partial().utterance() > utterance) {
                base += utterance < finalSizes.size() ? finalSizes.get(utterance) : shown;
                utterance++;
                shown = 0;
            }
            int k = s.partial().text().split(" ").length;
            for (int j = shown; j < k && base + j < speech.spans().size(); j++) {
                double wordEnd = speech.spans().get(base + j).end();
                Long arrived = arrivalOfChunkHolding(probe, wordEnd);
                if (arrived != null) {
                    wall.add((s.nanos() - arrived) / 1e6);
                    media.add((s.partial().t() - wordEnd) * 1000);
                }
            }
            shown = Math.max(shown, k);
        }
        return new Latency(wall, media);
    }

    private static Long arrivalOfChunkHolding(ArrivalProbe probe, double t) {
        Long best = null;
        double bestEnd = Double.MAX_VALUE;
        for (var e : probe.ends.entrySet()) {
            double end = e.getValue();
            if (end >= t - 1e-9 && end < bestEnd) {
                bestEnd = end;
                best = probe.arrival.get(e.getKey());
            }
        }
        return best;
    }
}
