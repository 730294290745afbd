package dev.attend.ui.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.attend.ui.bridge.UiTasks;
import dev.attend.ui.i18n.I18n;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Speed and time left of a download, disk usage, the models folder, and the built-in list's note. */
class ModelManagerExtrasTest {

    private static final long MB = 1024 * 1024;

    @TempDir
    Path dir;

    @Test
    void speedAndTimeLeftFollowTheBytesOverTime() {
        DownloadRate r = new DownloadRate();
        assertThat(r.update(0, 0)).isNaN();
        assertThat(r.update(MB, 1_000_000_000L)).isCloseTo(MB, within(1e-6)); // 1 MiB in 1 s
        assertThat(r.update(2 * MB, 2_000_000_000L)).isCloseTo(MB, within(1e-6));
        assertThat(r.secondsLeft(2 * MB, 10 * MB)).isCloseTo(8.0, within(1e-9));
        // a stall: no bytes for 3 s pulls the rate down (and the time left up) instead of freezing it
        r.update(2 * MB, 5_000_000_000L);
        assertThat(r.secondsLeft(2 * MB, 10 * MB)).isGreaterThan(8.0);
        I18n en = new I18n(I18n.ENGLISH);
        assertThat(ModelManagerViewModel.rateText(en, 2 * MB, 10 * MB, MB, 8.0))
                .isEqualTo("2 MB of 10 MB · 1.0 MB/s · about 0:08 left");
        assertThat(ModelManagerViewModel.rateText(new I18n(I18n.CHINESE), 2 * MB, 10 * MB, MB, 8.0))
                .isEqualTo("2 MB / 10 MB · 1.0 MB/s · 约剩 0:08");
        assertThat(ModelManagerViewModel.rateText(en, 300 * 1024, -1, Double.NaN, Double.NaN)).isEqualTo("300 KB");
    }

    @Test
    void aDownloadShowsItsSpeedWhileItRunsAndNothingAfter() {
        AtomicLong now = new AtomicLong();
        List<String> seen = new CopyOnWriteArrayList<>();
        ModelInfo m = new ModelInfo("vosk-model-small-xx", "xx", 10 * MB, false, false);
        ModelService svc = service(List.of(), false, null, (progress) -> {
            for (int i = 0; i <= 4; i++) {
                now.set(i * 1_000_000_000L);
                progress.update(i * MB, 10 * MB);
            }
        });
        ModelManagerViewModel vm = new ModelManagerViewModel(svc, UiTasks.synchronous(), new I18n(I18n.ENGLISH));
        vm.setClockAndOpener(now::get, p -> { });
        vm.rateProperty().addListener((o, a, b) -> seen.add(b));
        vm.download(m);
        assertThat(seen).contains("4 MB of 10 MB · 1.0 MB/s · about 0:06 left");
        assertThat(vm.rateProperty().get()).isEmpty();
    }

    @Test
    void diskUsageTheModelsFolderAndTheBuiltInListNote() throws Exception {
        Path folder = dir.resolve("models/vosk");
        List<Path> opened = new CopyOnWriteArrayList<>();
        ModelService svc = service(List.of(new ModelInfo("a", "en", 3 * MB, true, true),
                new ModelInfo("b", "de", 2 * MB, true, false)), true, folder, p -> { });
        ModelManagerViewModel vm = new ModelManagerViewModel(svc, UiTasks.synchronous(), new I18n(I18n.ENGLISH));
        vm.setClockAndOpener(System::nanoTime, opened::add);
        vm.refresh();
        assertThat(vm.diskUsageProperty().get()).isEqualTo("Installed models use 5 MB (2 models)");
        assertThat(vm.builtInListProperty().get()).isTrue();
        vm.openFolder();
        assertThat(opened).containsExactly(folder);
        assertThat(Files.isDirectory(folder)).as("made before it is opened").isTrue();
        assertThat(vm.messageProperty().get()).isEqualTo("Opened " + folder);
    }

    @Test
    void aSmallModelShowsItsSizeToATenthOfAKilobyte() {
        // the tone model: 3,711 bytes of files (du -sb says 24 KB because it counts the 5 folders' 4 KB entries)
        assertThat(new ModelInfo("tone", "", 3711, true, false).sizeText()).isEqualTo("3.6 KB");
        assertThat(new ModelInfo("x", "", 40 * MB, true, false).sizeText()).isEqualTo("40 MB");
    }

    interface Downloader {
        void run(ModelService.Progress p) throws Exception;
    }

    private static ModelService service(List<ModelInfo> installed, boolean builtIn, Path folder, Downloader d) {
        return new ModelService() {
            @Override
            public List<ModelInfo> installed() {
                return installed;
            }

            @Override
            public List<ModelInfo> available() {
                return List.of();
            }

            @Override
            public ModelInfo download(ModelInfo model, Progress progress, BooleanSupplier cancelled)
                    throws Exception {
                d.run(progress);
                return model;
            }

            @Override
            public void remove(ModelInfo model) {
            }

            @Override
            public void use(ModelInfo model) {
            }

            @Override
            public ModelInfo importFolder(Path f) {
                return null;
            }

            @Override
            public boolean builtInList() {
                return builtIn;
            }

            @Override
            public Path folder() {
                return folder;
            }
        };
    }
}
