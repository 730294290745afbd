package dev.attend.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.attend.config.AppDirs;
import dev.attend.event.AsrEvents;
import dev.attend.event.AttentionEvent;
import dev.attend.event.CoreEvents;
import dev.attend.ui.AttendServices;
import dev.attend.ui.MainWindow;
import dev.attend.ui.attention.AttentionViewModel;
import dev.attend.ui.attention.HeatmapCanvas;
import dev.attend.ui.bridge.FxUiTasks;
import dev.attend.ui.settings.SettingsStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A text→audio fusion map in the real window (Xvfb + openbox): a transcript's final (the tone model's word times
 * for "one two three") and the fusion model's {@code text<-audio.0} maps of a later step, replayed. The lab offers
 * the block, the heatmap outlines each word's own time span on its row and the strip shades all three words.
 */
@ExtendWith({XvfbExtension.class, ApplicationExtension.class})
class TextAudioMapFxTest {

    static final String[] WORDS = {"one", "two", "three"};
    static final double[][] SPANS = {{0.48, 0.81}, {1.05, 1.35}, {1.59, 1.92}};
    @TempDir
    static Path dir;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = new MainWindow(stage, new AttendServices(new AppDirs(dir.resolve("config"), dir.resolve("data"),
                dir.resolve("cache")), new WavSessionLauncher(), null, null, null, null, null, null),
                new SettingsStore(dir.resolve("config/settings.json")), new FxUiTasks());
        stage.setWidth(1280);
        stage.setHeight(800);
        window.show();
    }

    @AfterEach
    void cleanUp() throws Exception {
        FxToolkit.cleanupStages();
    }

    /** 30 audio steps ending at 2.392 s; row i puts its weight on the steps inside word i's span. */
    static List<JsonNode> events() {
        List<JsonNode> out = new ArrayList<>();
        out.add(SampleEvents.tree(new CoreEvents.SessionStart(0, "1", List.of(Map.of("kind", "wav")), "fast")));
        List<AsrEvents.Word> words = new ArrayList<>();
        for (int i = 0; i < WORDS.length; i++) {
            words.add(new AsrEvents.Word(WORDS[i], SPANS[i][0], SPANS[i][1], 1.0));
        }
        out.add(SampleEvents.tree(new AsrEvents.Final(0.48, 1.92, 0, "one two three", 1.0, words, List.of())));
        List<String> keys = new ArrayList<>();
        for (int k = 0; k < 30; k++) {
            keys.add(String.format(Locale.ROOT, "%.2f", 0.072 + 0.08 * k));
        }
        for (int head = 0; head < 4; head++) {
            float[][] w = new float[WORDS.length][keys.size()];
            float[][] s = new float[WORDS.length][keys.size()];
            for (int q = 0; q < WORDS.length; q++) {
                int in = 0;
                for (int k = 0; k < keys.size(); k++) {
                    double t = 0.072 + 0.08 * k;
                    in += t > SPANS[q][0] && t <= SPANS[q][1] + 0.08 ? 1 : 0;
                }
                for (int k = 0; k < keys.size(); k++) {
                    double t = 0.072 + 0.08 * k;
                    w[q][k] = t > SPANS[q][0] && t <= SPANS[q][1] + 0.08 ? 1f / in : 0f;
                    s[q][k] = w[q][k] > 0 ? 0f : -20f;
                }
            }
            out.add(SampleEvents.tree(new AttentionEvent(2.392, "fusion", 29, 0, head, "text", "audio",
                    List.of(WORDS), keys, w, s)));
        }
        return out;
    }

    private static boolean yellowNear(javafx.scene.image.Image img, double x, double y) {
        var r = img.getPixelReader();
        for (int dx = -2; dx <= 2; dx++) {
            javafx.scene.paint.Color c = r.getColor((int) Math.round(x) + dx, (int) Math.round(y));
            if (c.getRed() > 0.8 && c.getGreen() > 0.6 && c.getBlue() < 0.4) {
                return true;
            }
        }
        return false;
    }

    @Test
    void eachWordsSpanIsDrawnOverTheAudioAxis(FxRobot robot) throws Exception {
        Path f = SampleEvents.writeJsonl(Files.createDirectories(dir.resolve("ev")), events());
        robot.interact(() -> window.session().replay(f, false));
        AttentionViewModel a = window.attention();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> a.counts().getOrDefault("fusion", 0) == 4);
        robot.interact(() -> {
            a.sourceProperty().set("fusion");
            a.blockProperty().set("text → audio");
            a.headProperty().set(2);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(a.blocks()).containsExactly("text → audio");
        HeatmapCanvas heatmap = window.attentionView().heatmap();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> heatmap.rowSpans().size() == 3);
        assertThat(heatmap.rowLabels()).containsExactly(WORDS);
        assertThat(heatmap.colLabels()).contains("0.07s", "2.39s");
        for (int i = 0; i < WORDS.length; i++) {
            assertThat(heatmap.rowSpans().get(i)).as(WORDS[i]).containsExactly(SPANS[i]);
        }
        assertThat(heatmap.keyMarks()).hasSize(3);
        var strip = window.labPane().strip();
        assertThat(strip.isVisible()).isTrue();
        assertThat(strip.wordSpans()).hasSize(3);
        assertThat(strip.wordSpans().get(1)).containsExactly(SPANS[1]);
        // the outline is drawn on the row's own cells: at 1.05 s (the start of "two") on row 1, not on row 0
        double cw = heatmap.cellCentre(1, 1)[0] - heatmap.cellCentre(1, 0)[0];
        double x = HeatmapCanvas.PLOT_LEFT + (1.05 - (0.072 - 0.08)) / 0.08 * cw;
        javafx.scene.image.WritableImage shot = org.testfx.util.WaitForAsyncUtils.asyncFx(
                () -> heatmap.snapshot(null, null)).get(10, TimeUnit.SECONDS);
        assertThat(yellowNear(shot, x, heatmap.cellCentre(1, 0)[1])).isTrue();
        assertThat(yellowNear(shot, x, heatmap.cellCentre(0, 0)[1])).isFalse();
    }

    /**
     * A real session: the tone-language test model through libvosk on two tone utterances ("one two three" at
     * 0.5 s, "four five six" at 10.5 s; {@code attend testkit tones} twice, joined with {@code sox -R}), MiniLM's text
     * tokens and the bundled fusion model ({@code attend run --audio tones2.wav --model TONE_MODEL --fusion
     * --attention 'text<-audio.0' --attention-every 4 --events F}); kept: the finals and the text→audio maps of steps
     * 176 and 180 (the first utterance's words had left the 4-s window before MiniLM had loaded).
     */
    @Test
    void aRecordedToneSessionShowsTheSecondUtterancesWordSpans(FxRobot robot) throws Exception {
        Path f = dir.resolve("tone-text-audio.jsonl");
        try (var in = new java.util.zip.GZIPInputStream(TextAudioMapFxTest.class.getResourceAsStream(
                "/dev/attend/ui/lab/tone-text-audio.jsonl.gz"))) {
            Files.write(f, in.readAllBytes());
        }
        robot.interact(() -> window.session().replay(f, false));
        AttentionViewModel a = window.attention();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> a.counts().getOrDefault("fusion", 0) == 8);
        robot.interact(() -> a.sourceProperty().set("fusion"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(a.blockProperty().get()).isEqualTo("text → audio");
        assertThat(a.shownGroup().utterance()).isEqualTo(180);
        HeatmapCanvas heatmap = window.attentionView().heatmap();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> heatmap.rowSpans().size() == 3);
        assertThat(heatmap.rowLabels()).containsExactly("four", "five", "six");
        assertThat(heatmap.rowSpans().get(0)).containsExactly(10.5, 10.8);
        assertThat(heatmap.rowSpans().get(1)).containsExactly(11.1, 11.4);
        assertThat(heatmap.rowSpans().get(2)).containsExactly(11.7, 12.0);
        assertThat(heatmap.colLabels()).contains("10.55s");
        assertThat(window.labPane().strip().wordSpans()).hasSize(3); // the first utterance is outside the map
        Path png = Path.of("target", "text-audio-map.png"); // to look at
        robot.interact(() -> window.labPane().savePng(png));
        assertThat(Files.size(png)).isGreaterThan(1000);
    }
}
