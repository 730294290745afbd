package dev.attend.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.attend.app.Main;
import dev.attend.event.EventJson;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** attend testkit / run --model / selftest, in process. */
class AsrCliTest {

    @TempDir
    Path tmp;

    record Outcome(int code, String out, String err) {
    }

    static Outcome cli(String... args) {
        CommandLine cl = AttendCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Outcome(code, out.toString(), err.toString());
    }

    /** Runs Main.run with System.out captured (--events - writes there). */
    static Outcome main(String... args) {
        PrintStream saved = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = CliRunner.runOnSystemStreams(args);
        } finally {
            System.out.flush();
            System.setOut(saved);
        }
        return new Outcome(code, buf.toString(StandardCharsets.UTF_8), "");
    }

    @Test
    void testkitModelAndTonesThenRunEmitsTheExpectedFinal() throws Exception {
        Path model = tmp.resolve("model");
        Path wav = tmp.resolve("tones.wav");
        Outcome m = cli("testkit", "vosk-model", "--out", model.toString());
        assertThat(m.code()).as(m.err()).isZero();
        assertThat(m.out()).contains("written to").contains("words: one two three four five six seven eight nine zero");
        Outcome t = cli("testkit", "tones", "--words", "one two three", "--out", wav.toString(), "--noise", "20",
                "--gap", "0.4", "--seed", "7");
        assertThat(t.code()).as(t.err()).isZero();
        assertThat(t.out()).contains("one 0.500 0.800\ntwo 1.200 1.500\nthree 1.900 2.200\n");

        Outcome run = main("run", "--audio", wav.toString(), "--model", model.toString(), "--fast", "--events", "-");
        assertThat(run.code()).isZero();
        List<JsonNode> finals = new ArrayList<>();
        List<String> partials = new ArrayList<>();
        for (String line : run.out().split("\n")) {
            if (line.startsWith("{")) {
                JsonNode n = EventJson.mapper().readTree(line);
                if (n.path("type").asText().equals("asr.final")) {
                    finals.add(n);
                } else if (n.path("type").asText().equals("asr.partial")) {
                    partials.add(n.path("text").asText());
                }
            }
        }
        assertThat(partials).containsExactly("one", "one two", "one two three");
        assertThat(finals).hasSize(1);
        JsonNode f = finals.get(0);
        assertThat(f.path("text").asText()).isEqualTo("one two three");
        assertThat(f.path("utterance").asInt()).isZero();
        assertThat(f.path("t").asDouble()).isBetween(0.44, 0.56);
        assertThat(f.path("end").asDouble()).isBetween(2.14, 2.26);
        assertThat(f.path("words")).hasSize(3);
        assertThat(f.path("words").get(1).path("word").asText()).isEqualTo("two");
        assertThat(f.path("words").get(1).path("start").asDouble()).isBetween(1.14, 1.26);
        assertThat(f.path("alternatives").isArray()).isTrue();
    }

    @Test
    void anInstalledModelIsUsedByNameFromTheDataDir() throws Exception {
        String data = tmp.resolve("data").toString();
        Path generated = tmp.resolve("generated");
        Path wav = tmp.resolve("tones.wav");
        assertThat(cli("testkit", "vosk-model", "--out", generated.toString()).code()).isZero();
        assertThat(cli("testkit", "tones", "--words", "four two", "--out", wav.toString()).code()).isZero();
        Outcome imported = cli("--data-dir", data, "models", "import", generated.toString(), "--name",
                "vosk-model-tone-xx-0.1");
        assertThat(imported.code()).as(imported.err()).isZero();
        assertThat(tmp.resolve("data/models/vosk/vosk-model-tone-xx-0.1/am/final.mdl")).isRegularFile();

        Outcome run = main("--data-dir", data, "run", "--audio", wav.toString(), "--model", "vosk-model-tone-xx-0.1",
                "--fast", "--events", "-");
        assertThat(run.code()).isZero();
        List<JsonNode> finals = new ArrayList<>();
        for (String line : run.out().split("\n")) {
            if (line.startsWith("{") && line.contains("\"asr.final\"")) {
                finals.add(EventJson.mapper().readTree(line));
            }
        }
        assertThat(finals).singleElement().satisfies(f -> {
            assertThat(f.path("text").asText()).isEqualTo("four two");
            assertThat(f.path("t").asDouble()).isBetween(0.44, 0.56);
            assertThat(f.path("words")).hasSize(2);
        });
    }

    @Test
    void badModelValuesAreBadInput() throws Exception {
        String data = tmp.resolve("data").toString();
        Path wav = tmp.resolve("t.wav");
        assertThat(cli("testkit", "tones", "--words", "one", "--out", wav.toString()).code()).isZero();
        Outcome unknown = cli("--data-dir", data, "run", "--audio", wav.toString(), "--model", "no-such-model",
                "--fast", "--events", tmp.resolve("e.jsonl").toString());
        assertThat(unknown.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(unknown.err().strip()).doesNotContain("\n").contains("unknown Vosk model 'no-such-model'")
                .contains("attend models list --all");
        Outcome notInstalled = cli("--data-dir", data, "run", "--audio", wav.toString(), "--model",
                "vosk-model-small-en-us-0.15", "--fast", "--events", tmp.resolve("e.jsonl").toString());
        assertThat(notInstalled.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(notInstalled.err().strip()).doesNotContain("\n")
                .contains("model 'vosk-model-small-en-us-0.15' is not installed")
                .contains("attend models install vosk-model-small-en-us-0.15");
        Files.createDirectories(tmp.resolve("empty"));
        Outcome empty = cli("--data-dir", data, "run", "--audio", wav.toString(), "--model",
                tmp.resolve("empty").toString(), "--fast", "--events", tmp.resolve("e.jsonl").toString());
        assertThat(empty.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(empty.err()).contains("not a Vosk model").contains("am/final.mdl");
        assertThat(tmp.resolve("e.jsonl")).doesNotExist();
    }

    @Test
    void testkitRefusesBadInputClearly() {
        Outcome word = cli("testkit", "tones", "--words", "one eleven", "--out", tmp.resolve("x.wav").toString());
        assertThat(word.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(word.err()).contains("'eleven' is not a word of the tone language");
        Outcome dir = cli("testkit", "tones", "--words", "one", "--out", tmp.resolve("no/such/x.wav").toString());
        assertThat(dir.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(cli("testkit", "vosk-model", "--out", tmp.resolve("g").toString(), "--grammar").code()).isZero();
        assertThat(tmp.resolve("g/graph/HCLr.fst")).isRegularFile();
        Outcome again = cli("testkit", "vosk-model", "--out", tmp.resolve("g").toString());
        assertThat(again.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(again.err()).contains("is not empty");
    }

    @Test
    void benchAsrComparesBothPathsOnTheSameAudio() {
        Outcome b = cli("bench", "asr", "--seconds", "3", "--rounds", "1", "--latency-seconds", "0");
        assertThat(b.code()).as(b.err()).isZero();
        assertThat(b.out()).contains("round 1: libvosk direct").contains("time ratio Attend/direct: median")
                .contains("transcripts: both exact");
        Outcome half = cli("bench", "asr", "--audio", "x.wav");
        assertThat(half.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(half.err()).contains("give --model DIR and --audio FILE together");
    }

    @Test
    void selftestReportsEachPartOnOneLine() {
        Outcome s = cli("selftest");
        String[] lines = s.out().strip().split("\n");
        assertThat(lines).hasSize(8);
        assertThat(lines).allSatisfy(l -> assertThat(l).matches("(OK  |FAIL|SKIP) \\S+ +\\S.*"));
        assertThat(s.out()).contains("OK   vosk         libvosk loaded")
                .contains("OK   vosk-decode  tone model decoded \"one two three\" exactly")
                .contains("OK   pytorch      PyTorch 2.7.1 via DJL (offline)"); // the fusion module bundles it
        boolean requiredFailed = s.out().lines().anyMatch(l -> l.startsWith("FAIL") && !l.endsWith("(optional)"));
        assertThat(s.code()).isEqualTo(requiredFailed ? ExitCodes.FAILURE : ExitCodes.OK);
    }
}
