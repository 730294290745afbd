package dev.attend.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attend.app.Main;
import dev.attend.encoders.audio.TestAudio;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code attend run --audio F --fast --events -} in-process: the audio encoders' events reach the stream. */
class RunAudioEncodersTest {

    private static Path speech;

    @BeforeAll
    static void makeSpeech() throws Exception {
        speech = TestAudio.speech(TestAudio.tempDir("run"), "hey-jarvis", "en-us", "hey jarvis", 1.5, 1.0);
    }

    /** Exit code, standard output and standard error of one in-process CLI run. */
    record Result(int code, String out, String err) {
        List<JsonNode> events() throws IOException {
            List<JsonNode> list = new ArrayList<>();
            ObjectMapper m = new ObjectMapper();
            for (String line : out.split("\n")) {
                if (!line.isBlank()) {
                    list.add(m.readTree(line));
                }
            }
            return list;
        }

        List<JsonNode> ofType(String type) throws IOException {
            return events().stream().filter(e -> type.equals(e.get("type").asText())).toList();
        }
    }

    private static synchronized Result run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = CliRunner.runOnSystemStreams(args);
            return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void aFastRunEmitsVadAndWakeEvents() throws Exception {
        Result r = run("run", "--audio", speech.toString(), "--fast", "--events", "-");
        assertThat(r.code()).as(r.err()).isZero();
        List<JsonNode> vad = r.ofType("vad");
        assertThat(vad).extracting(e -> e.get("event").asText()).containsExactly("start", "end");
        JsonNode start = vad.get(0);
        JsonNode end = vad.get(1);
        assertThat(start.get("t").asDouble()).isEqualTo(start.get("start").asDouble()).isBetween(1.3, 1.7);
        assertThat(start.get("end").isNull()).isTrue();
        assertThat(end.get("t").asDouble()).isEqualTo(end.get("end").asDouble()).isGreaterThan(2.0);
        assertThat(end.get("probability").asDouble()).isBetween(0.5, 1.0);

        List<JsonNode> wake = r.ofType("wake");
        assertThat(wake).singleElement().satisfies(w -> {
            assertThat(w.get("model").asText()).isEqualTo("hey_jarvis");
            assertThat(w.get("score").asDouble()).isBetween(0.5, 1.0);
            assertThat(w.get("threshold").asDouble()).isEqualTo(0.5);
            assertThat(w.get("t").asDouble()).isBetween(1.5, 3.5);
            // written when the run ended: the run's peak, at or after the deciding score
            assertThat(w.get("peak").asDouble()).isBetween(w.get("score").asDouble(), 1.0);
            assertThat(w.get("peakT").asDouble()).isBetween(w.get("t").asDouble(), w.get("t").asDouble() + 0.5);
        });
        List<JsonNode> all = r.events();
        assertThat(all.get(all.size() - 1).get("type").asText()).isEqualTo("session.end");
        assertThat(r.ofType("source.error")).isEmpty();
    }

    @Test
    void vadAndWakeWordsCanBeTurnedOff() throws Exception {
        Result r = run("run", "--audio", speech.toString(), "--fast", "--no-vad", "--wake", "none");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.ofType("vad")).isEmpty();
        assertThat(r.ofType("wake")).isEmpty();
        assertThat(r.ofType("level")).isNotEmpty();
    }

    @Test
    void aHigherThresholdAndOtherModelsAreHonoured() throws Exception {
        Result r = run("run", "--audio", speech.toString(), "--fast", "--wake", "alexa,hey_mycroft",
                "--wake-threshold", "0.3");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.ofType("wake")).isEmpty(); // "hey jarvis" is neither
        assertThat(r.ofType("vad")).hasSize(2);
    }

    @Test
    void badWakeOptionsAreRejectedWithOneLine() {
        Result unknown = run("run", "--audio", speech.toString(), "--fast", "--wake", "hey_siri");
        assertThat(unknown.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(unknown.err()).contains("unknown wake word 'hey_siri'").contains("hey_jarvis, hey_mycroft");
        Result threshold = run("run", "--audio", speech.toString(), "--fast", "--wake-threshold", "1.5");
        assertThat(threshold.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(threshold.err()).contains("--wake-threshold");
    }
}
