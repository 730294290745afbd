package dev.attend.app.cli;

import static dev.attend.app.cli.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.attend.app.bench.VisionBench;
import dev.attend.app.cli.CliRunner.Result;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The command's shape and input checks; its figures go to docs/performance.md, never into assertions. */
class BenchEncodersCommandTest {

    @Test
    void printsARowPerEncoderAndTheAudioStacksRealTimeFactor() {
        Result r = run("bench", "encoders", "--seconds", "3", "--calls", "5", "--warmup", "1", "--rounds", "1");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Audio encoders", "p50 ms", "p95 ms", "vad silero (512 samples)",
                "mel (1760 samples -> 8x32)", "embedding (76x32 -> 96)", "wake hey_jarvis (16x96 -> 1)",
                "on 3.0 s of audio", "real-time factor");
        assertThat(r.out()).contains("Vision encoder: ");
        if (Files.isRegularFile(VisionBench.DEFAULT_IMAGE)) {
            assertThat(r.out()).contains("640x480 frames, 5 timed (5 with a face)", "preprocess (letterbox)",
                    "decode + NMS", "tracking + mouth");
        }
        assertThat(r.out()).contains("Text encoder: MiniLM", "12 words, 15 tokens", "tokenize",
                "inference + attention outputs", "sentence embedding (all steps)");
        // one section after another, in the order of PARTS
        assertThat(r.out().indexOf("Audio encoders")).isLessThan(r.out().indexOf("Vision encoder"));
        assertThat(r.out().indexOf("Vision encoder")).isLessThan(r.out().indexOf("Text encoder"));
    }

    @Test
    void onlyRunsOneSection() {
        Result r = run("bench", "encoders", "--only", "text", "--calls", "3", "--warmup", "0");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Text encoder: MiniLM").doesNotContain("Audio encoders")
                .doesNotContain("Vision encoder");
    }

    @Test
    void badInputGetsExitCodeTwo() {
        Result only = run("bench", "encoders", "--only", "smell");
        assertThat(only.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(only.err()).contains("no section 'smell'; sections: audio, vision, text");
        Result missing = run("bench", "encoders", "--audio", "does-not-exist.wav");
        assertThat(missing.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(missing.err()).contains("cannot read does-not-exist.wav");
    }
}
