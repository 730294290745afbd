package dev.attend.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attend.config.AppDirs;
import dev.attend.ui.AttendServices;
import dev.attend.ui.MainWindow;
import dev.attend.ui.attention.AttentionViewModel;
import dev.attend.ui.bridge.FxUiTasks;
import dev.attend.ui.lab.LabFixture;
import dev.attend.ui.settings.Settings;
import dev.attend.ui.settings.SettingsStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
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

/** The lab's formula table at 1024 × 700 under the window manager: no cell or header is cut to "…" (issue 15). */
@ExtendWith({XvfbExtension.class, ApplicationExtension.class})
class FormulaTableFxTest {

    @TempDir
    static Path dir;
    private MainWindow window;

    @Start
    void start(Stage stage) throws java.io.IOException {
        // a saved 1024 × 700 window (a size set before show is replaced by the window's placement)
        SettingsStore store = new SettingsStore(dir.resolve("config/settings.json"));
        store.save(Settings.defaults().withWindow(new Settings.WindowState(0, 0, 1024, 700, false)));
        AttendServices services = new AttendServices(new AppDirs(dir.resolve("config"), dir.resolve("data"),
                dir.resolve("cache")), new WavSessionLauncher(), null, null, null, null, null,
                () -> FusionLabFxTest.FACTS);
        window = new MainWindow(stage, services, store, new FxUiTasks());
        window.show();
    }

    @AfterEach
    void cleanUp() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void everyColumnOfTheFormulaTableIsReadableAt1024x700(FxRobot robot) throws Exception {
        Path events = LabFixture.writeJsonl(Files.createDirectories(dir.resolve("ev")));
        robot.interact(() -> window.session().replay(events, false));
        AttentionViewModel a = window.attention();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> a.counts().getOrDefault("fusion", 0) == 20);
        robot.interact(() -> {
            a.frozenProperty().set(true);
            a.blockProperty().set("audio → audio"); // the map FusionLabFxTest reads: media-time keys ("2.55s" …)
            a.layerProperty().set(1);
            a.headProperty().set(3);
            a.selectedRowProperty().set(20);
        });
        TableView<AttentionViewModel.FormulaRow> table = robot.lookup("#formula").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 50);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.stage().getWidth() == 1024
                && window.stage().getHeight() == 700);
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS); // the window manager's last resize settles
        WaitForAsyncUtils.waitForFxEvents();

        List<String> cut = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (Node n : table.lookupAll(".table-cell")) {
            if (n instanceof TableCell<?, ?> c && c.isVisible() && c.getText() != null && !c.getText().isEmpty()) {
                if (c.getTableColumn() == table.getColumns().get(0)) {
                    keys.add(c.getText());
                }
                String shown = shownText(c);
                if (!c.getText().equals(shown)) {
                    cut.add(c.getText() + " shown as " + shown);
                }
            }
        }
        for (Node n : table.lookupAll(".column-header .label")) {
            if (n instanceof Labeled l && l.getText() != null && !l.getText().equals(shownText(l))) {
                cut.add("header " + l.getText() + " shown as " + shownText(l));
            }
        }
        assertThat(keys).as("key cells on screen").contains("1.03s");
        assertThat(cut).as("before the fix the key column showed \"6.…\" (table %.0f px wide, columns %s)", table.getWidth(),
                table.getColumns().stream().map(c -> String.format("%.0f", c.getWidth())).toList()).isEmpty();
    }

    /** What a labeled control really draws (its text node, after ellipsis). */
    private static String shownText(Labeled l) {
        for (Node c : l.getChildrenUnmodifiable()) {
            if (c instanceof Text t) {
                return t.getText();
            }
        }
        return "";
    }
}
