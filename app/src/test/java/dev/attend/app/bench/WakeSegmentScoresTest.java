package dev.attend.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attend.encoders.audio.wake.WakeDecider;
import dev.attend.encoders.audio.wake.WakeOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WakeSegmentScoresTest {

    @TempDir
    Path dir;

    @Test
    void aSegmentsScoresComeBackAsStoredUnderANameThatHoldsTheScoringOptions() throws Exception {
        Path wav = dir.resolve("fa-003.wav");
        WakeOptions eight = WakeOptions.withThreshold(0.5).withPhases(8);
        Path file = WakeSegmentScores.file(wav, eight);
        assertThat(file.getFileName().toString()).isEqualTo("fa-003.scores-p8-g0.0100-t0.500-n1-r2.0.json");
        assertThat(WakeSegmentScores.file(wav, eight.withPhases(2))).isNotEqualTo(file);
        assertThat(WakeSegmentScores.read(file)).isNull();

        Map<String, WakeBenchRunner.ModelResult> models = new LinkedHashMap<>();
        WakeBenchRunner.ModelResult alexa = new WakeBenchRunner.ModelResult(8);
        alexa.single.add(new WakeDecider.Detection(8.952, 0.699, 8.952, 0.699));
        alexa.robust.add(new WakeDecider.Detection(8.952, 0.699, 8.962, 0.713));
        models.put("alexa", alexa);
        models.put("hey_jarvis", new WakeBenchRunner.ModelResult(8));
        WakeSegmentScores.write(file, new WakeBenchRunner.Result(models, 24.4, 9000, 7500));

        WakeBenchRunner.Result back = WakeSegmentScores.read(file);
        assertThat(back.cpuSeconds()).isEqualTo(24.4);
        assertThat(back.embeddingCalls()).isEqualTo(9000);
        assertThat(back.blocks()).isEqualTo(7500);
        assertThat(back.models().keySet()).containsExactly("alexa", "hey_jarvis");
        assertThat(back.models().get("alexa").single).containsExactly(alexa.single.get(0));
        assertThat(back.models().get("alexa").robust).containsExactly(alexa.robust.get(0));
        assertThat(back.models().get("hey_jarvis").robust).isEmpty();

        Files.writeString(file, "{ not json");
        assertThat(WakeSegmentScores.read(file)).isNull(); // a damaged cache is scored again, never trusted
    }
}
