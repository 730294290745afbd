package dev.attend.app.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attend.encoders.audio.wake.WakeDecider;
import dev.attend.encoders.audio.wake.WakeOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One false-accept segment's detections, cached beside its WAV under a name that holds the scoring options, so a
 * bench run that was stopped resumes where it was and a longer run reuses the segments already scored.
 */
final class WakeSegmentScores {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What is kept: the detections of both scorings per model, and the cost. */
    record Stored(Map<String, List<WakeDecider.Detection>> single, Map<String, List<WakeDecider.Detection>> robust,
                  double cpuSeconds, long embeddingCalls, long blocks) {
    }

    private WakeSegmentScores() {
    }

    /** {@code fa-000.wav} → {@code fa-000.scores-p8-g0.0100-t0.500-n1-r2.0.json}. */
    static Path file(Path wav, WakeOptions w) {
        String base = wav.getFileName().toString().replaceFirst("\\.wav$", "");
        return wav.resolveSibling(String.format(Locale.ROOT, "%s.scores-p%d-g%.4f-t%.3f-n%d-r%.1f.json", base,
                w.phases(), w.phaseGate(), w.threshold(), w.patience(), w.refractorySeconds()));
    }

    /** The cached result, or null when there is none (or it cannot be read: then it is scored again). */
    static WakeBenchRunner.Result read(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            Stored st = JSON.readValue(file.toFile(), Stored.class);
            Map<String, WakeBenchRunner.ModelResult> models = new LinkedHashMap<>();
            for (String m : st.single().keySet()) {
                WakeBenchRunner.ModelResult r = new WakeBenchRunner.ModelResult(0);
                r.single.addAll(st.single().get(m));
                r.robust.addAll(st.robust().getOrDefault(m, List.of()));
                models.put(m, r);
            }
            return new WakeBenchRunner.Result(models, st.cpuSeconds(), st.embeddingCalls(), st.blocks());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    static void write(Path file, WakeBenchRunner.Result r) throws IOException {
        Map<String, List<WakeDecider.Detection>> single = new LinkedHashMap<>();
        Map<String, List<WakeDecider.Detection>> robust = new LinkedHashMap<>();
        r.models().forEach((m, res) -> {
            single.put(m, List.copyOf(res.single));
            robust.put(m, List.copyOf(res.robust));
        });
        Path tmp = file.resolveSibling(file.getFileName() + ".part");
        JSON.writeValue(tmp.toFile(), new Stored(single, robust, r.cpuSeconds(), r.embeddingCalls(), r.blocks()));
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
