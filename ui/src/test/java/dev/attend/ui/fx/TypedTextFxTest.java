package dev.attend.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.attend.config.AppDirs;
import dev.attend.event.EventSink;
import dev.attend.models.BundledModel;
import dev.attend.event.AttentionEvent;
import dev.attend.encoders.text.AttentionMaps;
import dev.attend.encoders.text.MiniLm;
import dev.attend.encoders.text.MiniLmFiles;
import dev.attend.translate.ApertiumInstall;
import dev.attend.translate.Translation;
import dev.attend.event.TranslationEvent;
import dev.attend.translate.Translator;
import dev.attend.ui.AttendServices;
import dev.attend.ui.MainWindow;
import dev.attend.ui.attention.AttentionMap;
import dev.attend.ui.attention.AttentionViewModel;
import dev.attend.ui.attention.TextAttention;
import dev.attend.ui.bridge.FxUiTasks;
import dev.attend.ui.settings.SettingsStore;
import dev.attend.ui.translation.TextTranslation;
import dev.attend.ui.translation.TranslationPairs;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ComboBox;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
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
 * Teaching without a speech model: a sentence typed into the lab runs the real MiniLM (the bundled model, as the
 * app's port does) and its attention fills the lab; a sentence typed into the captions pane is translated by
 * Apertium (apertium-eng-spa).
 */
@ExtendWith({XvfbExtension.class, ApplicationExtension.class})
class TypedTextFxTest {

    private static final String SENTENCE = "the cat sat on the mat because it was warm";
    private static final List<String> TOKENS = List.of("[CLS]", "the", "cat", "sat", "on", "the", "mat", "because",
            "it", "was", "warm", "[SEP]");

    @TempDir
    static Path dir;
    private static MiniLm miniLm;
    private MainWindow window;

    /** What the app's MiniLM port does: the model's own attention, one event per layer × head. */
    private static final TextAttention MINILM = new TextAttention() {
        @Override
        public synchronized int analyze(String text, int utterance, EventSink events) throws Exception {
            if (miniLm == null) {
                miniLm = MiniLm.load(MiniLmFiles.BUNDLED, BundledModel.defaultCacheDir(), true, 64);
            }
            AttentionMaps maps = miniLm.attention(text);
            for (int l = 0; l < maps.layers(); l++) {
                for (int h = 0; h < maps.heads(); h++) {
                    events.emit(new AttentionEvent(0, "minilm", utterance, l, h, "tokens", "tokens", maps.tokens(),
                            maps.tokens(), maps.weights(l, h), maps.scores(l, h)));
                }
            }
            return maps.layers() * maps.heads();
        }
    };

    private static final TextTranslation APERTIUM = (pair, text, utterance, events) -> {
        try (Translator t = ApertiumInstall.detect().open(pair)) {
            Translation tr = t.translate(text);
            events.emit(new TranslationEvent(0, utterance, pair, true, tr.source(), tr.target(), tr.unknownWords(),
                    tr.latencyMs()));
        }
    };

    @Start
    void start(Stage stage) {
        AttendServices services = new AttendServices(new AppDirs(dir.resolve("config"), dir.resolve("data"),
                dir.resolve("cache")), null, null, () -> List.of("eng-spa"), MINILM, APERTIUM);
        window = new MainWindow(stage, services, new SettingsStore(dir.resolve("config/settings.json")),
                new FxUiTasks());
        stage.setWidth(1440);
        stage.setHeight(900);
        window.show();
    }

    @AfterEach
    void cleanUp() throws Exception {
        FxToolkit.cleanupStages();
    }

    @AfterAll
    static void closeModel() {
        if (miniLm != null) {
            miniLm.close();
        }
    }

    @Test
    void aTypedSentenceFillsTheLabWithMiniLmsAttentionAndTheFormulaMatchesTheWeights(FxRobot robot)
            throws Exception {
        assertThat(window.attention().current()).isNull();
        robot.clickOn("#analyzeField").write(SENTENCE).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> window.attention().counts().getOrDefault("minilm", 0)
                == 72 && window.attention().current() != null);
        WaitForAsyncUtils.waitForFxEvents();

        AttentionViewModel vm = window.attention();
        assertThat(robot.lookup("#attnSource").queryAs(ComboBox.class).getValue())
                .isEqualTo("minilm");
        assertThat(vm.layers()).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(vm.heads()).containsExactly(AttentionViewModel.AVERAGE, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
        AttentionMap shown = vm.current();
        assertThat(shown.queries()).isEqualTo(TOKENS);
        var heatmap = window.attentionView().heatmap();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> heatmap.rowLabels().equals(TOKENS));
        assertThat(heatmap.colLabels()).isEqualTo(TOKENS);

        robot.interact(() -> vm.layerProperty().set(3));
        robot.interact(() -> vm.headProperty().set(7));
        WaitForAsyncUtils.waitForFxEvents();
        double[] cell = heatmap.cellCentre(2, 0); // the row of "cat"
        robot.clickOn(heatmap.localToScreen(cell[0], cell[1]));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> robot.lookup("#formula").queryTableView().getItems().size() == TOKENS.size());
        assertThat(vm.selectedRowProperty().get()).isEqualTo(2);
        AttentionMap m = vm.current();
        assertThat(m.layer()).isEqualTo(3);
        assertThat(m.head()).isEqualTo(7);
        List<AttentionViewModel.FormulaRow> rows = vm.formula();
        assertThat(rows).extracting(AttentionViewModel.FormulaRow::key).isEqualTo(TOKENS);
        for (int j = 0; j < rows.size(); j++) {
            assertThat(rows.get(j).softmax()).isCloseTo(rows.get(j).weight(), within(1e-4));
            assertThat(rows.get(j).weight()).isEqualTo((double) m.weights()[2][j]);
        }
        assertThat(rows.stream().mapToDouble(AttentionViewModel.FormulaRow::weight).sum()).isCloseTo(1, within(1e-4));
    }

    @Test
    void aTypedSentenceIsTranslatedBesideItsText(FxRobot robot) throws Exception {
        robot.clickOn("#translateField").write("the black cat").type(KeyCode.ENTER);
        // the typed row shows at once; Apertium's translation fills in beside it
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> window.captions().rowCount() == 1
                && robot.lookup(".translation .final-text").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#translateField").queryTextInputControl().getText()).isEmpty();

        assertThat(robot.lookup(".typed-text").queryAs(Text.class).getText()).isEqualTo("the black cat");
        assertThat(robot.lookup(".translation .final-text").queryAllAs(Text.class)).extracting(Text::getText)
                .containsExactly("El ", "gato ", "negro");
    }
}
