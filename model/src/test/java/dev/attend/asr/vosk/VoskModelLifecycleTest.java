package dev.attend.asr.vosk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.attend.asr.RecognitionResult;
import dev.attend.asr.RecognizerOptions;
import dev.attend.asr.TestModels;
import dev.attend.testkit.ToneAudio;
import dev.attend.testkit.ToneModelSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Model folders that are wrong or vanish, and native handles over many open/close cycles. */
class VoskModelLifecycleTest {

    @TempDir
    Path tmp;

    private static Path copyModel(Path target) throws IOException {
        Path src = TestModels.staticGraph();
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

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Test
    void missingFolderFileAndIncompleteModelGiveClearErrors() throws IOException {
        RecognizerOptions o = RecognizerOptions.defaults();
        assertThatThrownBy(() -> VoskRecognizer.open(tmp.resolve("nope"), o))
                .isInstanceOf(VoskModelException.class).hasMessageContaining("Vosk model folder not found")
                .hasMessageContaining("nope");
        Path file = Files.writeString(tmp.resolve("model.zip"), "PK");
        assertThatThrownBy(() -> VoskRecognizer.open(file, o))
                .isInstanceOf(VoskModelException.class).hasMessageContaining("is a file, not a Vosk model folder");
        Path noGraph = copyModel(tmp.resolve("nograph"));
        Files.delete(noGraph.resolve("graph/HCLG.fst"));
        assertThatThrownBy(() -> VoskRecognizer.open(noGraph, o))
                .isInstanceOf(VoskModelException.class).hasMessageContaining("HCLG.fst nor");
        Path noAm = copyModel(tmp.resolve("noam"));
        Files.delete(noAm.resolve("am/final.mdl"));
        assertThatThrownBy(() -> VoskRecognizer.open(noAm, o))
                .isInstanceOf(VoskModelException.class).hasMessageContaining("lacks am/final.mdl");
        Path noWords = copyModel(tmp.resolve("nowords"));
        Files.delete(noWords.resolve("graph/words.txt"));
        assertThatThrownBy(() -> VoskRecognizer.open(noWords, o))
                .isInstanceOf(VoskModelException.class).hasMessageContaining("graph/words.txt");
        assertThat(VoskModelCache.shared().openModels()).isZero();
    }

    @Test
    void modelLibvoskRejectsIsAnExceptionNotACrash() throws IOException {
        Path bad = copyModel(tmp.resolve("bad"));
        Files.writeString(bad.resolve("am/final.mdl"), "this is not a Kaldi model\n");
        assertThatThrownBy(() -> VoskRecognizer.open(bad, RecognizerOptions.defaults()))
                .isInstanceOf(VoskModelException.class).hasMessageContaining("am/final.mdl is not a Kaldi acoustic");
        Path badConf = copyModel(tmp.resolve("badconf"));
        Files.writeString(badConf.resolve("conf/model.conf"), "--no-such-option=1\n");
        assertThatThrownBy(() -> VoskRecognizer.open(badConf, RecognizerOptions.defaults()))
                .isInstanceOf(VoskModelException.class);
        // the JVM lives on and a good model still decodes
        try (VoskRecognizer r = VoskRecognizer.open(TestModels.staticGraph(), RecognizerOptions.defaults())) {
            ToneAudio audio = ToneAudio.utterance(List.of("seven"), 0.3);
            assertThat(VoskRecognizerTest.decode(r, audio.pcm16le(), 4000).finals())
                    .extracting(RecognitionResult.Utterance::text).containsExactly("seven");
        }
    }

    @Test
    void folderDeletedInUseKeepsRunningRecognizersAndRefusesNewOnesClearly() throws IOException {
        Path dir = copyModel(tmp.resolve("doomed"));
        VoskModelCache cache = new VoskModelCache();
        ToneAudio audio = ToneAudio.utterance(List.of("two", "nine"), 0.3);
        try (VoskRecognizer r = VoskRecognizer.open(cache, dir, RecognizerOptions.defaults())) {
            deleteTree(dir);
            // the model is in memory: the running stream is unaffected
            assertThat(VoskRecognizerTest.decode(r, audio.pcm16le(), 4000).finals())
                    .extracting(RecognitionResult.Utterance::text).containsExactly("two nine");
            assertThatThrownBy(() -> VoskRecognizer.open(cache, dir, RecognizerOptions.defaults()))
                    .isInstanceOf(VoskModelException.class).hasMessageContaining("not found")
                    .hasMessageContaining("moved or deleted");
        }
        assertThat(cache.openModels()).isZero();
        assertThat(cache.frees()).isEqualTo(cache.loads());
    }

    @Test
    void endpointerViewIsRemovedWithTheModelAndNeverTouchesTheOriginal() throws IOException {
        Path dir = copyModel(tmp.resolve("orig"));
        String conf = Files.readString(dir.resolve("conf/model.conf"));
        VoskModelCache cache = new VoskModelCache();
        RecognizerOptions o = RecognizerOptions.defaults()
                .withEndpointer(dev.attend.asr.EndpointerSettings.delays(3, 0.8, 10));
        try (VoskRecognizer a = VoskRecognizer.open(cache, dir, o);
             VoskRecognizer b = VoskRecognizer.open(cache, dir, RecognizerOptions.defaults())) {
            assertThat(cache.openModels()).isEqualTo(2); // different endpointing = different loaded model
        }
        assertThat(cache.openModels()).isZero();
        assertThat(Files.readString(dir.resolve("conf/model.conf"))).isEqualTo(conf);
        assertThat(Files.exists(dir.resolve("graph/HCLG.fst"))).isTrue();
    }

    @Test
    void hundredOpenCloseCyclesReleaseEveryNativeHandle() throws IOException {
        VoskModelCache cache = new VoskModelCache();
        byte[] pcm = ToneAudio.utterance(List.of("one", "zero"), 0.3).pcm16le();
        Runnable cycle = () -> {
            try (VoskRecognizer r = VoskRecognizer.open(cache, TestModels.staticGraph(), RecognizerOptions.defaults())) {
                assertThat(VoskRecognizerTest.decode(r, pcm, 32000).finals())
                        .extracting(RecognitionResult.Utterance::text).containsExactly("one zero");
            }
        };
        for (int i = 0; i < 10; i++) {
            cycle.run(); // warm up allocator pools
        }
        long before = residentKb();
        for (int i = 0; i < 100; i++) {
            cycle.run();
        }
        long after = residentKb();
        org.slf4j.LoggerFactory.getLogger(VoskModelLifecycleTest.class)
                .info("RSS over 100 open/decode/close cycles: {} KiB -> {} KiB", before, after);
        assertThat(cache.loads()).isEqualTo(110);
        assertThat(cache.frees()).isEqualTo(110);
        assertThat(cache.openModels()).isZero();
        if (before > 0) {
            // loose: a leaked model + recognizer per cycle would add well over this
            assertThat(after - before).as("resident memory growth in KiB").isLessThan(24 * 1024);
        }
    }

    /** VmRSS from /proc (Linux); -1 elsewhere. */
    static long residentKb() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return -1;
        }
        for (String l : Files.readAllLines(status)) {
            if (l.startsWith("VmRSS:")) {
                return Long.parseLong(l.replaceAll("\\D", ""));
            }
        }
        return -1;
    }

    @Test
    void specWithTrailingSilenceWritesItsEndpointRule() {
        Path dir = TestModels.write(ToneModelSpec.defaults().withTrailingSilence(1.5));
        ToneAudio audio = ToneAudio.builder().silence(0.5).words(List.of("three"), 0.3).silence(3).build();
        try (VoskRecognizer r = VoskRecognizer.open(dir, RecognizerOptions.defaults())) {
            double delay = VoskRecognizerTest.decode(r, audio.pcm16le(), 320).endpoints().get(0)
                    - audio.spans().get(0).end();
            assertThat(delay).isBetween(1.5, 1.8);
        }
    }
}
