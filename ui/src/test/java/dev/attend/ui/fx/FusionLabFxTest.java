package dev.attend.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.attend.config.AppDirs;
import dev.attend.event.EventJson;
import dev.attend.ui.AttendServices;
import dev.attend.ui.MainWindow;
import dev.attend.ui.attention.AttentionViewModel;
import dev.attend.ui.bridge.FxUiTasks;
import dev.attend.ui.lab.ArchBlock;
import dev.attend.ui.lab.FusionFacts;
import dev.attend.ui.lab.LabFixture;
import dev.attend.ui.lab.LabPane;
import dev.attend.ui.settings.SettingsStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.control.TableView;
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
 * The fusion lab in the real main window at 1024 × 700 (Xvfb + openbox): the recorded fusion events of the demo
 * clip replayed; the diagram switches maps, the heatmap and formula table show the event's values, the formulas
 * fill in, the plots follow the heads, exports write files.
 */
@ExtendWith({XvfbExtension.class, ApplicationExtension.class})
class FusionLabFxTest {

    @TempDir
    static Path dir;
    private MainWindow window;

    /** The shipped checkpoint's sizes (docs/fusion.md), τ 0.1 and made-up task weights sᵢ = 0, 0.5, 1, 1.5, 2. */
    static final FusionFacts FACTS = new FusionFacts(64, 4, 2, 1, 128, 50, 16, new int[] {96, 17, 384}, 0.1,
            List.of("sync", "addressee", "intent", "alignment", "contrastive"), new double[] {0, 0.5, 1, 1.5, 2});

    @Start
    void start(Stage stage) {
        AttendServices services = new AttendServices(new AppDirs(dir.resolve("config"), dir.resolve("data"),
                dir.resolve("cache")), new WavSessionLauncher(), null, null, null, null, null, () -> FACTS);
        window = new MainWindow(stage, services, new SettingsStore(dir.resolve("config/settings.json")),
                new FxUiTasks());
        stage.setWidth(1024);
        stage.setHeight(700);
        window.show();
    }

    @AfterEach
    void cleanUp() throws Exception {
        FxToolkit.cleanupStages();
    }

    private static void waitFor(java.util.concurrent.Callable<Boolean> c) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, c);
    }

    private void replayed(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        // in this short window the assistant pane starts folded, so the lab keeps its room
        assertThat(robot.lookup("#assistantPane").queryAs(javafx.scene.control.TitledPane.class).isExpanded())
                .isFalse();
        Path events = LabFixture.writeJsonl(Files.createDirectories(dir.resolve("ev")));
        robot.interact(() -> window.session().replay(events, false));
        AttentionViewModel a = window.attention();
        waitFor(() -> a.counts().getOrDefault("fusion", 0) == 20 && window.viewModel().lab().factsProperty()
                .get() != null);
    }

    @Test
    void diagramClickShowsThatBlocksMapsAndTheFormulaTableItsNumbers(FxRobot robot) throws Exception {
        replayed(robot);
        AttentionViewModel a = window.attention();
        LabPane lab = window.labPane();
        // pass 62 has only 4 maps (cut for the fixture): the lab keeps the complete pass 61 on screen
        assertThat(a.shownGroup().utterance()).isEqualTo(61);
        robot.interact(() -> a.frozenProperty().set(true));
        robot.interact(() -> lab.getSelectionModel().select(lab.architectureTab()));
        robot.clickOn("#arch-AUDIO_SELF");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lab.getSelectionModel().getSelectedItem()).isSameAs(lab.mapsTab());
        assertThat(a.blockProperty().get()).isEqualTo("audio → audio");
        robot.interact(() -> {
            a.layerProperty().set(1);
            a.headProperty().set(3);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lab.passLabel().getText()).startsWith("pass 1 of 2");
        // the strip over the time axis drew the audio envelope and mouth points of the window
        assertThat(lab.strip().isVisible()).isTrue();
        assertThat(lab.strip().drawnPoints()).isGreaterThan(10);

        var heatmap = window.attentionView().heatmap();
        assertThat(heatmap.rowLabels()).startsWith("1.03s"); // media times (every third fits at this size)
        double[] cell = heatmap.cellCentre(20, 19);
        robot.moveTo(heatmap.localToScreen(cell[0], cell[1]));
        waitFor(() -> heatmap.hoverText().contains("0.536160"));
        robot.clickOn(heatmap.localToScreen(cell[0], cell[1]));
        TableView<AttentionViewModel.FormulaRow> table = robot.lookup("#formula").queryTableView();
        waitFor(() -> table.getItems().size() == 50);
        AttentionViewModel.FormulaRow r = table.getItems().get(19);
        assertThat(r.key()).isEqualTo("2.55s");
        assertThat(r.weight()).isEqualTo(0.5361598f);
        assertThat(r.softmax()).isBetween(0.536158, 0.536162);
        assertThat(heatmap.scaleMax()).isGreaterThan(0.5);
        // the formula table is on screen at 1024 × 700
        Bounds b = table.localToScreen(table.getBoundsInLocal());
        Bounds win = window.stage().getScene().getRoot().localToScreen(
                window.stage().getScene().getRoot().getBoundsInLocal());
        assertThat(b.getMaxY()).isLessThanOrEqualTo(win.getMaxY() + 1);
        assertThat(b.getHeight()).isGreaterThan(80);

        // the formulas panel says which query and fills in d_k and the weights of every head
        robot.interact(() -> lab.getSelectionModel().select(lab.architectureTab()));
        WaitForAsyncUtils.waitForFxEvents();
        waitFor(() -> lab.formulas().attentionLiveText().contains("2.63s"));
        assertThat(lab.formulas().attentionLiveText()).contains("d_k = 16").contains("2.55s").contains("0.5362");
        assertThat(lab.formulas().headsLiveText()).contains("h = 4").contains("head 3 0.5362");
        assertThat(lab.formulas().lossLiveText()).contains("sync 1.0000").contains("addressee 0.6065");
        assertThat(lab.diagram().box(ArchBlock.AUDIO_SELF).getStyleClass()).contains("arch-active");
        assertThat(lab.diagram().shapeText(ArchBlock.AUDIO_SELF)).contains("2 × 4 × Q × K").contains("50 × 50");

        // another box: its maps
        robot.clickOn("#arch-VIDEO_FROM_AUDIO");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(a.blockProperty().get()).isEqualTo("video → audio");
        assertThat(a.current().queryAxis()).isEqualTo("video");
        assertThat(lab.diagram().box(ArchBlock.AUDIO_SELF).getStyleClass()).doesNotContain("arch-active");
        assertThat(lab.diagram().box(ArchBlock.VIDEO_FROM_AUDIO).getStyleClass()).contains("arch-active");
    }

    @Test
    void headPlotsFollowTheHeadsAndExportsWriteTheShownMapAndPass(FxRobot robot) throws Exception {
        replayed(robot);
        LabPane lab = window.labPane();
        robot.interact(() -> lab.getSelectionModel().select(lab.headsTab()));
        waitFor(() -> "search".equals(lab.plots().leadingIntent()));

        robot.interact(() -> {
            lab.getSelectionModel().select(lab.mapsTab());
            window.attention().step(1); // pass 62
        });
        WaitForAsyncUtils.waitForFxEvents();
        Path png = dir.resolve("map.png");
        Path json = dir.resolve("pass.json");
        robot.interact(() -> {
            lab.savePng(png);
            lab.saveJson(json);
        });
        java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(png.toFile());
        assertThat(img.getWidth()).isGreaterThan(150);
        JsonNode pass = EventJson.mapper().readTree(json.toFile());
        assertThat(pass.path("source").asText()).isEqualTo("fusion");
        assertThat(pass.path("pass").asInt()).isEqualTo(62);
        assertThat(pass.path("maps")).hasSize(4);
    }
}
