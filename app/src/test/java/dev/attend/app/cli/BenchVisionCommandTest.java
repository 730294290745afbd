package dev.attend.app.cli;

import static dev.attend.app.cli.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.attend.app.cli.CliRunner.Result;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

class BenchVisionCommandTest {

    @Test
    void printsATableOfStepsWithAFaceInEveryFrame() {
        assumeTrue(Files.isRegularFile(BenchVisionCommand.DEFAULT_IMAGE), "python3-skimage is not installed");
        Result r = run("bench", "vision", "--frames", "3");
        assertThat(r.code()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("640x480 frames, 3 timed (3 with a face)")
                .contains("preprocess (letterbox)", "inference", "decode + NMS", "tracking + mouth", "total");
    }

    @Test
    void badSizeIsBadInput() {
        Result r = run("bench", "vision", "--size", "wide");
        assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("--size must look like 640x480, not 'wide'");
    }

    @Test
    void unreadablePhotoIsBadInput() {
        Result r = run("bench", "vision", "--image", "/no/such/photo.png");
        assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("cannot read the photo /no/such/photo.png");
    }
}
