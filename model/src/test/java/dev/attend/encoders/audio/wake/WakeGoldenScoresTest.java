package dev.attend.encoders.audio.wake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.attend.encoders.audio.AudioModels;
import dev.attend.encoders.audio.TestAudio;
import dev.attend.encoders.audio.features.AudioTokenStream;
import dev.attend.encoders.audio.features.SpeechFeatureStage;
import dev.attend.encoders.audio.features.TokenConsumer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Regression guard for the whole wake-word front end (mel, embedding, phases, heads): per-block scores of every head
 * at both phases, for a few files made reproducibly (espeak-ng, sox without dither), against scores recorded in
 * {@code golden-scores.txt}. A change to the front end that moves any score by more than 0.002 fails here. When the
 * tools themselves make different audio (another espeak-ng or sox build: the file's SHA-256 differs from the
 * recorded one) the test is skipped rather than blamed on the front end. Re-record after an intended change with
 * {@code -Dattend.golden.write=true} (writes {@code src/test/resources/.../golden-scores.txt}).
 */
class WakeGoldenScoresTest {

    private static final String RESOURCE = "golden-scores.txt";
    private static final double TOLERANCE = 0.002;

    /** name → voice, text, padding before (s). */
    private static final Map<String, String[]> FILES = new LinkedHashMap<>();

    static {
        FILES.put("jarvis-en-us", new String[] {"en-us", "hey jarvis", "2.0"});
        FILES.put("alexa-scotland", new String[] {"en-gb-scotland", "alexa", "2.03"});
        FILES.put("rhasspy-en-029", new String[] {"en-029", "hey rhasspy", "2.05"});
        FILES.put("weather-en-gb", new String[] {"en-gb", "the weather is nice today", "2.0"});
    }

    /** "model phase" → scores per block, for one file. */
    private static Map<String, List<Float>> scores(Path wav) throws Exception {
        Map<String, List<Float>> out = new LinkedHashMap<>();
        List<TokenConsumer> heads = new ArrayList<>();
        WakeOptions ungated = WakeOptions.defaults().withPhases(2).withPhaseGate(0);
        for (String m : AudioModels.wakeWordNames()) {
            out.put(m + " 0", new ArrayList<>());
            out.put(m + " 1", new ArrayList<>());
            heads.add(new WakeWordSpotter(m, ungated).onScore(s -> {
                out.get(m + " 0").add(s.score()[0]);
                out.get(m + " 1").add(s.score()[1]);
            }));
        }
        TestAudio.run(new SpeechFeatureStage("wake", new AudioTokenStream(), heads, 2), wav, 1280);
        return out;
    }

    @Test
    void perBlockScoresMatchTheRecordedOnes() throws Exception {
        Path dir = TestAudio.tempDir("golden");
        StringBuilder record = new StringBuilder("# per-block wake scores: file NAME SHA-256, then MODEL PHASE scores\n");
        Map<String, String> golden = parse(load());
        int compared = 0;
        for (var f : FILES.entrySet()) {
            String[] spec = f.getValue();
            Path wav = TestAudio.speechExact(dir, f.getKey(), spec[0], spec[1], Double.parseDouble(spec[2]), 0.5);
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(wav)));
            Map<String, List<Float>> now = scores(wav);
            record.append("file ").append(f.getKey()).append(' ').append(sha).append('\n');
            now.forEach((k, v) -> record.append(k).append(' ').append(format(v)).append('\n'));
            if (Boolean.getBoolean("attend.golden.write")) {
                continue;
            }
            assertThat(golden).as("recorded scores for " + f.getKey()).containsKey("file " + f.getKey());
            assumeTrue(golden.get("file " + f.getKey()).equals(sha), f.getKey() + ": espeak-ng/sox made other audio "
                    + "than when the scores were recorded; re-record with -Dattend.golden.write=true");
            for (var e : now.entrySet()) {
                String[] want = golden.get(f.getKey() + " " + e.getKey()).split(" ");
                assertThat(e.getValue()).as("%s %s: blocks", f.getKey(), e.getKey()).hasSize(want.length);
                for (int b = 0; b < want.length; b++) {
                    assertThat((double) e.getValue().get(b)).as("%s %s block %d", f.getKey(), e.getKey(), b)
                            .isCloseTo(Double.parseDouble(want[b]), org.assertj.core.api.Assertions.within(TOLERANCE));
                    compared++;
                }
            }
        }
        if (Boolean.getBoolean("attend.golden.write")) {
            Path out = Path.of("src/test/resources/dev/attend/encoders/audio/wake", RESOURCE);
            Files.writeString(out, record.toString(), StandardCharsets.UTF_8);
            System.err.println("wrote " + out.toAbsolutePath());
        } else {
            assertThat(compared).isGreaterThan(4 * 8 * 40);
        }
    }

    @Test
    void theRecordedScoresHoldTheWakeWordsAndNothingElse() throws IOException {
        // the goldens themselves are a known answer: each word's own head crosses 0.5 at some phase, and no head
        // does on the sentence
        Map<String, String> g = parse(load());
        assertThat(max(g, "jarvis-en-us", "hey_jarvis")).isGreaterThanOrEqualTo(0.5);
        assertThat(max(g, "alexa-scotland", "alexa")).isGreaterThanOrEqualTo(0.5);
        assertThat(max(g, "rhasspy-en-029", "hey_rhasspy")).isGreaterThanOrEqualTo(0.5);
        for (String m : AudioModels.wakeWordNames()) {
            assertThat(max(g, "weather-en-gb", m)).as(m).isLessThan(0.5);
        }
    }

    private static double max(Map<String, String> g, String file, String model) {
        double m = 0;
        for (String phase : List.of(" 0", " 1")) {
            for (String v : g.get(file + " " + model + phase).split(" ")) {
                m = Math.max(m, Double.parseDouble(v));
            }
        }
        return m;
    }

    private static String load() throws IOException {
        try (InputStream in = WakeGoldenScoresTest.class.getResourceAsStream(RESOURCE)) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** "file NAME" → sha, "NAME MODEL PHASE" → scores. */
    private static Map<String, String> parse(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        String file = null;
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] p = line.split(" ", 3);
            if (p[0].equals("file")) {
                file = p[1];
                out.put("file " + file, p[2]);
            } else {
                out.put(file + " " + p[0] + " " + p[1], p[2]);
            }
        }
        return out;
    }

    private static String format(List<Float> v) {
        StringBuilder sb = new StringBuilder();
        for (float x : v) {
            sb.append(sb.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.4f", x));
        }
        return sb.toString();
    }
}
