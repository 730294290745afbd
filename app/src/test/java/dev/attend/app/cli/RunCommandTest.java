package dev.attend.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attend.audio.AudioDevices;
import dev.attend.testing.ExternalTools;
import dev.attend.testing.TestWavs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code attend run} end to end, in-process: real files in, JSON Lines out. */
class RunCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    static Path speech;          // espeak-ng utterance, converted by sox to 44.1 kHz stereo
    static double speechSeconds;

    @BeforeAll
    static void makeSpeech() throws Exception {
        if (!ExternalTools.available("espeak-ng", "--version") || !ExternalTools.available("sox", "--version")) {
            return;
        }
        Path raw = dir.resolve("raw.wav");
        speech = dir.resolve("speech.wav");
        ExternalTools.exec("espeak-ng", "-w", raw.toString(),
                "Attend is listening. One two three, testing the pipeline.");
        ExternalTools.exec("sox", "-R", raw.toString(), "-r", "44100", "-c", "2", speech.toString());
        try (AudioInputStream in = AudioSystem.getAudioInputStream(speech.toFile())) {
            assertThat(in.getFormat().getSampleRate()).isEqualTo(44_100f);
            assertThat(in.getFormat().getChannels()).isEqualTo(2);
            speechSeconds = in.getFrameLength() / 44_100.0;
        }
    }

    static List<JsonNode> parse(List<String> lines) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : lines) {
            JsonNode n = JSON.readTree(line);
            assertThat(n.isObject()).as(line).isTrue();
            List<String> names = new ArrayList<>();
            n.fieldNames().forEachRemaining(names::add);
            assertThat(names).as("type and t come first: %s", line).startsWith("type", "t");
            assertThat(n.get("type").isTextual()).isTrue();
            assertThat(n.get("t").isNumber()).isTrue();
            out.add(n);
        }
        return out;
    }

    private static List<JsonNode> ofType(List<JsonNode> events, String type) {
        return events.stream().filter(e -> e.get("type").asText().equals(type)).toList();
    }

    @Test
    void speechFileGivesWellFormedEventsCoveringTheWholeFile() throws Exception {
        assumeTrue(speech != null, "espeak-ng and sox not installed");
        CliRunner.Result r = CliRunner.run("run", "--audio", speech.toString(), "--fast", "--events", "-");
        assertThat(r.code()).as(r.err()).isZero();
        List<JsonNode> events = parse(r.outLines());

        JsonNode first = events.get(0);
        assertThat(first.get("type").asText()).isEqualTo("session.start");
        assertThat(first.get("t").asDouble()).isZero();
        assertThat(first.get("schema").asText()).isEqualTo("1.0");
        assertThat(first.get("pacing").asText()).isEqualTo("fast");
        JsonNode source = first.get("sources").get(0);
        assertThat(source.get("kind").asText()).isEqualTo("audio-file");
        assertThat(source.get("sampleRate").asInt()).isEqualTo(44_100);
        assertThat(source.get("channels").asInt()).isEqualTo(2);

        JsonNode last = events.get(events.size() - 1);
        assertThat(last.get("type").asText()).isEqualTo("session.end");
        assertThat(last.get("reason").asText()).isEqualTo("eof");
        assertThat(last.get("audioDropped").asLong()).isZero();
        assertThat(last.get("audioSeconds").asDouble()).isCloseTo(speechSeconds, within(1 / 16_000.0 * 2));
        assertThat(ofType(events, "session.start")).hasSize(1);
        assertThat(ofType(events, "session.end")).hasSize(1);
        assertThat(ofType(events, "stats")).isNotEmpty();
        assertThat(ofType(events, "source.error")).isEmpty();

        List<JsonNode> levels = ofType(events, "level");
        assertThat(levels.get(0).get("t").asDouble()).isZero();
        for (int i = 1; i < levels.size(); i++) {
            JsonNode prev = levels.get(i - 1);
            assertThat(levels.get(i).get("t").asDouble()).as("window %d starts where %d ends", i, i - 1)
                    .isCloseTo(prev.get("t").asDouble() + prev.get("window").asDouble(), within(2e-6));
        }
        JsonNode lastLevel = levels.get(levels.size() - 1);
        double end = lastLevel.get("t").asDouble() + lastLevel.get("window").asDouble();
        assertThat(end).isCloseTo(speechSeconds, within(0.08));
        // speech is loud somewhere and espeak's trailing pause is quiet
        assertThat(levels.stream().mapToDouble(l -> l.get("peakDbfs").asDouble()).max().orElseThrow())
                .isGreaterThan(-12);
        assertThat(levels.stream().mapToDouble(l -> l.get("rmsDbfs").asDouble()).min().orElseThrow())
                .isLessThan(-50);
    }

    @Test
    void eventsCanGoToAFile() throws Exception {
        assumeTrue(speech != null, "espeak-ng and sox not installed");
        Path out = dir.resolve("events.jsonl");
        CliRunner.Result r = CliRunner.run("run", "--audio", speech.toString(), "--fast", "--events", out.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEmpty();
        List<JsonNode> events = parse(Files.readAllLines(out));
        assertThat(events.get(0).get("type").asText()).isEqualTo("session.start");
        assertThat(events.get(events.size() - 1).get("type").asText()).isEqualTo("session.end");
    }

    @Test
    void corruptWavIsBadInputWithOneClearLine() throws Exception {
        byte[] bytes = new byte[2000];
        System.arraycopy("RIFF".getBytes(), 0, bytes, 0, 4);
        System.arraycopy("WAVEfmt ".getBytes(), 0, bytes, 8, 8);
        for (int i = 16; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31);
        }
        Path bad = Files.write(dir.resolve("corrupt.wav"), bytes);
        CliRunner.Result r = CliRunner.run("run", "--audio", bad.toString(), "--fast");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.errLines()).containsExactly(
                "attend: WAV file " + bad + " has a damaged header or a non-PCM encoding; re-export it as PCM WAV");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void notAudioIsBadInput() throws Exception {
        Path txt = Files.writeString(dir.resolve("readme.wav"), "hello\n".repeat(100));
        CliRunner.Result r = CliRunner.run("run", "--audio", txt.toString(), "--fast");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.errLines()).containsExactly(
                "attend: not a supported audio file (WAV/AIFF/AU with PCM expected): " + txt);
    }

    @Test
    void missingFileIsBadInput() {
        Path missing = dir.resolve("missing.wav");
        CliRunner.Result r = CliRunner.run("run", "--audio", missing.toString(), "--fast");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.errLines()).containsExactly("attend: audio file not found: " + missing);
    }

    @Test
    void microphoneWithoutDevicesIsBadInput() {
        assumeTrue(AudioDevices.inputs().isEmpty(), "this machine has a microphone");
        CliRunner.Result r = CliRunner.run("run", "--mic", "--fast");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.errLines()).containsExactly("attend: no microphone found: this machine has no audio input "
                + "devices (check 'attend devices', or use --audio FILE)");
    }

    @Test
    void unknownMicrophoneNameIsBadInput() {
        assumeTrue(AudioDevices.inputs().isEmpty(), "this machine has a microphone");
        CliRunner.Result r = CliRunner.run("run", "--mic", "Blue Yeti");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.errLines()).containsExactly(
                "attend: no such microphone 'Blue Yeti': no audio input devices found");
    }

    @Test
    void missingCameraLeavesAnAudioOnlySession() throws Exception {
        assumeTrue(speech != null, "espeak-ng and sox not installed");
        assumeFalse(Files.exists(Path.of("/dev/video0")), "this machine has a camera");
        CliRunner.Result r = CliRunner.run("run", "--audio", speech.toString(), "--camera", "0", "--fast");
        assertThat(r.code()).as(r.err()).isZero();
        List<JsonNode> events = parse(r.outLines());
        List<JsonNode> errors = ofType(events, "source.error");
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).get("source").asText()).isEqualTo("camera");
        assertThat(errors.get(0).get("fatal").asBoolean()).isFalse();
        assertThat(errors.get(0).get("message").asText()).startsWith("no camera at /dev/video0");
        assertThat(events.get(events.size() - 1).get("reason").asText()).isEqualTo("eof");
        assertThat(ofType(events, "level")).isNotEmpty();
        assertThat(ofType(events, "frame")).isEmpty();
    }

    @Test
    void cameraAloneWithoutACameraIsBadInput() {
        assumeFalse(Files.exists(Path.of("/dev/video0")), "this machine has a camera");
        CliRunner.Result r = CliRunner.run("run", "--camera", "0");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.errLines()).singleElement().asString().startsWith("attend: no camera at /dev/video0");
    }

    @Test
    void videoFileGivesFramesAndLevels() throws Exception {
        assumeTrue(ExternalTools.available("ffmpeg", "-version"), "ffmpeg not installed");
        Path video = dir.resolve("clip.mp4");
        ExternalTools.exec("ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc=size=160x120:rate=25",
                "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000", "-t", "1", "-pix_fmt", "yuv420p",
                video.toString());
        CliRunner.Result r = CliRunner.run("run", "--video", video.toString(), "--fast");
        assertThat(r.code()).as(r.err()).isZero();
        List<JsonNode> events = parse(r.outLines());
        List<JsonNode> frames = ofType(events, "frame");
        assertThat(frames).hasSize(25);
        for (int i = 0; i < frames.size(); i++) {
            assertThat(frames.get(i).get("seq").asLong()).isEqualTo(i);
            assertThat(frames.get(i).get("t").asDouble()).isCloseTo(i / 25.0, within(1e-6));
            assertThat(frames.get(i).get("width").asInt()).isEqualTo(160);
        }
        assertThat(ofType(events, "level")).hasSizeGreaterThanOrEqualTo(9);
        JsonNode end = events.get(events.size() - 1);
        assertThat(end.get("videoFrames").asLong()).isEqualTo(25);
        assertThat(end.get("reason").asText()).isEqualTo("eof");
    }

    @Test
    void realtimeIsTheDefaultAndFollowsTheMediaClock() throws Exception {
        // 0.5 s of a tone at 22.05 kHz; as if live, the session cannot end before its last chunk is due
        Path wav = TestWavs.tone(dir.resolve("half-second.wav"), 22_050, 11_025, 300, 8000);
        CliRunner.Result r = CliRunner.run("run", "--audio", wav.toString());
        assertThat(r.code()).as(r.err()).isZero();
        List<JsonNode> events = parse(r.outLines());
        assertThat(events.get(0).get("pacing").asText()).isEqualTo("realtime");
        JsonNode end = events.get(events.size() - 1);
        assertThat(end.get("audioSeconds").asDouble()).isEqualTo(0.5);
        assertThat(end.get("wallSeconds").asDouble()).isGreaterThanOrEqualTo(0.48); // last chunk due at 0.48 s
        assertThat(ofType(events, "level")).hasSize(5);
    }

    @Test
    void nothingToCaptureIsBadInput() {
        CliRunner.Result r = CliRunner.run("run", "--fast");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.errLines()).containsExactly(
                "attend: nothing to capture: give --mic, --audio, --camera or --video");
    }

    @Test
    void twoAudioInputsAreBadInput() {
        CliRunner.Result r = CliRunner.run("run", "--mic", "x", "--audio", "a.wav");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("mutually exclusive");
    }

    @Test
    void eventsIntoAMissingFolderIsBadInput() {
        assumeTrue(speech != null, "espeak-ng and sox not installed");
        Path target = dir.resolve("no-such-folder").resolve("e.jsonl");
        CliRunner.Result r = CliRunner.run("run", "--audio", speech.toString(), "--events", target.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.errLines()).containsExactly(
                "attend: cannot write events to " + target + ": folder does not exist");
    }

    @Test
    void badCameraSizeIsBadInput() {
        CliRunner.Result r = CliRunner.run("run", "--camera", "0", "--camera-size", "big");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.errLines()).containsExactly("attend: --camera-size must look like 640x480, not 'big'");
    }
}
