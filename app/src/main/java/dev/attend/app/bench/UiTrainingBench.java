package dev.attend.app.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.attend.concurrent.TaskExecutor;
import dev.attend.config.AppDirs;
import dev.attend.fusion.workbench.FusionTrainingService;
import dev.attend.ui.AttendServices;
import dev.attend.ui.MainWindow;
import dev.attend.ui.bridge.FxUiTasks;
import dev.attend.ui.settings.SettingsStore;
import dev.attend.ui.training.TrainingViewModel;
import dev.attend.ui.training.TrainingWindow;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;

/**
 * The UI's responsiveness while the fusion model trains in the background: the real main window and Training
 * window, a generated-data run started from the Training view, and the JavaFX pulse intervals (an
 * {@link AnimationTimer}) measured while training steps run. Needs a display.
 */
public final class UiTrainingBench {

    /** What to run. */
    public record Options(int utterances, int width, int seconds, int baselineSeconds, int threads, Path work,
                          Path screenshot) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private UiTrainingBench() {
    }

    public static ObjectNode run(Options o, TaskExecutor tasks) throws Exception {
        AppDirs dirs = new AppDirs(o.work().resolve("config"), o.work().resolve("data"), o.work().resolve("cache"));
        System.setProperty("attend.demo.autostart", "false"); // a fresh config dir would otherwise play the demo
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.setImplicitExit(false);
        Platform.startup(() -> started.complete(null));
        started.get(60, TimeUnit.SECONDS);
        TrainingWindow[] tw = new TrainingWindow[1];
        long[] intervals = new long[200_000];
        int[] n = {0};
        boolean[] measuring = {false};
        long[] last = {0};
        AnimationTimer timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (measuring[0] && last[0] != 0 && n[0] < intervals.length) {
                    intervals[n[0]++] = now - last[0];
                }
                last[0] = now;
            }
        };
        onFx(() -> {
            Stage stage = new Stage();
            MainWindow w = new MainWindow(stage, new AttendServices(dirs, null, null, null, null, null,
                    new FusionTrainingService(tasks, dirs.data(), o.threads()), null),
                    new SettingsStore(dirs.config().resolve("settings.json")), new FxUiTasks(tasks));
            stage.setWidth(1440);
            stage.setHeight(900);
            w.show();
            w.dialogs().training();
            tw[0] = w.dialogs().trainingWindow();
            TrainingViewModel vm = tw[0].training();
            vm.settings().utterancesProperty().set(o.utterances());
            vm.settings().widthProperty().set(o.width());
            vm.settings().pretrainEpochsProperty().set(1);
            vm.settings().epochsProperty().set(1000);
            vm.settings().batchProperty().set(Math.max(2, Math.min(8, o.utterances() / 4)));
            timer.start();
        });
        TrainingViewModel vm = tw[0].training();
        // the same windows without training first: what the machine's load alone costs the pulse
        Thread.sleep(3000);
        double[] loadIdle = loadAverage();
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long idleCpu0 = onFxGet(mx::getCurrentThreadCpuTime);
        onFx(() -> measuring[0] = true);
        Thread.sleep(o.baselineSeconds() * 1000L);
        onFx(() -> measuring[0] = false);
        long idleCpu = onFxGet(mx::getCurrentThreadCpuTime) - idleCpu0;
        long[] idle = onFxGet(() -> {
            long[] c = Arrays.copyOf(intervals, n[0]);
            n[0] = 0;
            return c;
        });
        Arrays.sort(idle);
        onFx(vm::start);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(30);
        while (onFxGet(() -> vm.charts().values("total.pretrain").size() + vm.charts().values("total.finetune").size()) < 2) {
            if (System.nanoTime() > deadline || onFxGet(() -> vm.stateProperty().get()) == TrainingViewModel.State.FAILED) {
                throw new IllegalStateException("training did not start: " + onFxGet(() -> vm.statusProperty().get()));
            }
            Thread.sleep(200);
        }
        double[] loadBefore = loadAverage();
        int stepsBefore = onFxGet(() -> vm.charts().values("total.pretrain").size() + vm.charts().values("total.finetune").size());
        long cpu0 = onFxGet(mx::getCurrentThreadCpuTime);
        onFx(() -> measuring[0] = true);
        Thread.sleep(o.seconds() * 1000L);
        onFx(() -> measuring[0] = false);
        long trainCpu = onFxGet(mx::getCurrentThreadCpuTime) - cpu0;
        int stepsAfter = onFxGet(() -> vm.charts().values("total.pretrain").size() + vm.charts().values("total.finetune").size());
        double[] loadAfter = loadAverage();
        if (o.screenshot() != null) {
            onFx(() -> snapshot(tw[0].stage(), o.screenshot()));
        }
        onFx(vm::stop);
        long stopBy = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (onFxGet(vm::isActive) && System.nanoTime() < stopBy) {
            Thread.sleep(100);
        }
        onFx(timer::stop);
        long[] v = Arrays.copyOf(intervals, n[0]);
        Arrays.sort(v);
        ObjectNode r = JSON.createObjectNode();
        r.put("bench", "ui-training");
        r.put("seconds", o.seconds());
        r.put("pulses", v.length);
        r.put("pulseP50Ms", pct(v, 50));
        r.put("pulseP95Ms", pct(v, 95));
        r.put("pulseP99Ms", pct(v, 99));
        r.put("pulseMaxMs", v.length == 0 ? Double.NaN : v[v.length - 1] / 1e6);
        r.put("trainingSteps", stepsAfter - stepsBefore);
        // the FX thread's own CPU (whatever else the machine runs): per second with training, without, per step
        r.put("fxCpuMsPerSecond", Math.round(trainCpu / 1e6 / o.seconds() * 10) / 10.0);
        r.put("idleFxCpuMsPerSecond", Math.round(idleCpu / 1e6 / Math.max(1, o.baselineSeconds()) * 10) / 10.0);
        r.put("fxCpuMsPerStep", stepsAfter > stepsBefore ? Math.round((trainCpu - idleCpu / (double) Math.max(1,
                o.baselineSeconds()) * o.seconds()) / 1e6 / (stepsAfter - stepsBefore) * 100) / 100.0 : 0);
        r.put("idleSeconds", o.baselineSeconds());
        r.put("idlePulseP50Ms", pct(idle, 50));
        r.put("idlePulseP95Ms", pct(idle, 95));
        r.put("idlePulseMaxMs", idle.length == 0 ? Double.NaN : idle[idle.length - 1] / 1e6);
        r.put("loadAverageIdle", loadIdle[0]);
        r.put("modelWidth", o.width());
        r.put("utterances", o.utterances());
        r.put("torchThreads", o.threads());
        r.put("cores", Runtime.getRuntime().availableProcessors());
        r.put("loadAverageBefore", loadBefore[0]);
        r.put("loadAverageAfter", loadAfter[0]);
        Platform.exit();
        return r;
    }

    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.min(sorted.length - 1, Math.max(0, Math.ceil(p / 100 * sorted.length) - 1));
        return Math.round(sorted[i] / 1e4) / 100.0;
    }

    private static double[] loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1])};
        } catch (Exception e) {
            return new double[] {Double.NaN, Double.NaN};
        }
    }

    private static void snapshot(Stage stage, Path file) {
        WritableImage img = stage.getScene().snapshot(null);
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader px = img.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, px.getArgb(x, y));
            }
        }
        try {
            javax.imageio.ImageIO.write(out, "png", file.toFile());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void onFx(Runnable r) throws Exception {
        onFxGet(() -> {
            r.run();
            return null;
        });
    }

    private static <T> T onFxGet(java.util.concurrent.Callable<T> c) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(c.call());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f.get(60, TimeUnit.SECONDS);
    }
}
