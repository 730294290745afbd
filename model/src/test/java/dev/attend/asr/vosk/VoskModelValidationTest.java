package dev.attend.asr.vosk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.attend.asr.EndpointerSettings;
import dev.attend.asr.TestModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged copies of the tone model (issue 18, defect 7): each is refused with one line naming the file, and loading
 * one never hangs nor lets libvosk's raw bytes through; the intact model passes the load in a child process.
 */
class VoskModelValidationTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path tmp;

    private Path copy(String name) throws IOException {
        Path src = TestModels.staticGraph();
        Path target = tmp.resolve(name);
        try (Stream<Path> walk = Files.walk(src)) {
            for (Path p : walk.toList()) {
                Path to = target.resolve(src.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        return target;
    }

    private static void truncate(Path f, int keep) throws IOException {
        Files.write(f, Arrays.copyOf(Files.readAllBytes(f), keep));
    }

    private static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    @Test
    void intactModelLoadsInTheChildProcess() throws IOException {
        Path good = copy("good");
        assertThat(VoskLoadProbe.validate(good, TIMEOUT).dir()).isEqualTo(good.toAbsolutePath().normalize());
    }

    @Test
    void emptyOrForeignAcousticModelIsRefusedBeforeLibvoskSeesIt() throws IOException {
        Path empty = copy("empty");
        Files.write(empty.resolve("am/final.mdl"), new byte[0]);
        assertThatThrownBy(() -> VoskModelFolder.check(empty)).isInstanceOf(VoskModelException.class)
                .hasMessageContaining("am/final.mdl is empty");
        Path rand = copy("rand");
        Files.write(rand.resolve("am/final.mdl"), random(1800, 1));
        assertThatThrownBy(() -> VoskModelFolder.check(rand)).isInstanceOf(VoskModelException.class)
                .hasMessageContaining("am/final.mdl is not a Kaldi acoustic model");
    }

    @Test
    void damagedGraphsAreRefusedByTheirHeader() throws IOException {
        Path cut = copy("cut");
        truncate(cut.resolve("graph/HCLG.fst"), 300);
        assertThatThrownBy(() -> VoskModelFolder.check(cut)).isInstanceOf(VoskModelException.class)
                .hasMessageContaining("graph/HCLG.fst is cut short or garbled")
                .hasMessageContaining("more than its 300 bytes can hold");
        Path foreign = copy("foreign");
        Files.write(foreign.resolve("graph/HCLG.fst"), random(1178, 2));
        assertThatThrownBy(() -> VoskModelFolder.check(foreign)).isInstanceOf(VoskModelException.class)
                .hasMessageContaining("graph/HCLG.fst is not an OpenFST graph");
        // the magic number intact, the rest garbage: libvosk spun on this for over a minute
        Path garbled = copy("garbled");
        byte[] g = random(1178, 3);
        System.arraycopy(Files.readAllBytes(garbled.resolve("graph/HCLG.fst")), 0, g, 0, 4);
        Files.write(garbled.resolve("graph/HCLG.fst"), g);
        assertThatThrownBy(() -> VoskModelFolder.check(garbled)).isInstanceOf(VoskModelException.class)
                .hasMessageContaining("graph/HCLG.fst");
    }

    @Test
    void truncatedAcousticModelFailsTheLoadWithLibvosksReasonCleanedUp() throws IOException {
        Path half = copy("half");
        truncate(half.resolve("am/final.mdl"), 900);
        VoskModelFolder.check(half); // the header is intact: only loading finds it
        assertThatThrownBy(() -> VoskLoadProbe.validate(half, TIMEOUT)).isInstanceOf(VoskModelException.class)
                .hasMessageStartingWith("libvosk cannot load the model in " + half.toAbsolutePath().normalize())
                .hasMessageContaining("expected <")
                .hasMessageNotContaining("VoskAPI").hasMessageNotContaining("\n");
        // in this process too: a clear exception, and the cache holds nothing
        assertThatThrownBy(() -> VoskModelCache.shared().acquire(half, EndpointerSettings.MODEL_DEFAULT))
                .isInstanceOf(VoskModelException.class).hasMessageContaining("expected <");
    }

    @Test
    void libvoskReasonsArePrintableAndShort() {
        String raw = "ERROR (VoskAPI:ExpectToken():io-funcs.cc:209) Expected token \"<TransitionModel>\", got instead "
                + "\"\u00cc&\u00ce\u009a\u0017\u00e2\u0006\".";
        String r = VoskLoadProbe.reason(List.of("LOG (VoskAPI:ReadDataFiles()) x", raw, "ERROR (probe) Failed"), 3);
        assertThat(r).startsWith("Expected token \"<TransitionModel>\", got instead \"?&??\".")
                .matches("[\\x20-\\x7e]*");
        assertThat(VoskLoadProbe.reason(List.of(), 134)).isEqualTo("libvosk crashed (signal 6)");
        assertThat(VoskLoadProbe.printable("x".repeat(500))).hasSize(203);
    }
}
