package dev.attend.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BenchVisionCommandTest {

    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        CommandLine cl = AttendCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

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
