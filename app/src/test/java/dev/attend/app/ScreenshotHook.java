package dev.attend.app;

import dev.attend.ui.MainWindow;
import dev.attend.ui.session.SessionRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.image.WritableImage;
import javafx.util.Duration;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Test-scope hooks for scripts/screenshots.sh, started through {@link ScreenshotMain} (never in the shipped app):
 * {@code -Dattend.demo.autostart=true} starts the demo clip;
 * {@code -Dattend.screenshot.dir=DIR} then, after {@code attend.screenshot.delay} seconds (default 9), saves
 * {@code main.png}, {@code attention.png} and {@code models.png} there and exits.
 * {@code -Dattend.screenshot.analyze=SENTENCE} types a sentence into the attention lab and
 * {@code -Dattend.screenshot.translate=SENTENCE} one into the captions pane (once the session has started, so its
 * {@code session.start} does not clear them); {@code attend.screenshot.layer}, {@code .head} and {@code .row} pick
 * the map and the formula row shown.
 */
final class ScreenshotHook {


    private static final Logger LOG = LoggerFactory.getLogger(ScreenshotHook.class);
    private static final java.util.concurrent.atomic.AtomicBoolean TYPED_SHOWN =
            new java.util.concurrent.atomic.AtomicBoolean();

    private ScreenshotHook() {
    }

    static void install(MainWindow w) {
        // the script's own sentences are no earlier work to ask about
        w.viewModel().setUi(new dev.attend.ui.MainViewModel.Ui() {
            @Override
            public boolean confirm(String title, String message, String okLabel) {
                return true;
            }

            @Override
            public void chooseMediaFileAndStart() {
            }
        });
        String analyze = System.getProperty("attend.screenshot.analyze", "");
        if (analyze.isBlank()) {
            startAndShoot(w);
            return;
        }
        // load the text model first (its first run is slow on a busy machine), so the sentence typed once the clip
        // plays is analysed while the clip still plays
        w.analyzeTyped(analyze);
        javafx.animation.Timeline loaded = new javafx.animation.Timeline();
        loaded.getKeyFrames().add(new javafx.animation.KeyFrame(Duration.millis(200), e -> {
            if (!w.attention().analyzingProperty().get()) {
                loaded.stop();
                startAndShoot(w);
            }
        }));
        loaded.setCycleCount(javafx.animation.Animation.INDEFINITE);
        loaded.play();
    }

    private static void startAndShoot(MainWindow w) {
        if (Boolean.getBoolean("attend.demo.autostart")) {
            w.session().sourceProperty().set(SessionRequest.Source.DEMO);
            w.startSession();
        }
        typeWhenStarted(w);
        String dir = System.getProperty("attend.screenshot.dir");
        if (dir == null || dir.isBlank()) {
            return;
        }
        double delay = Double.parseDouble(System.getProperty("attend.screenshot.delay", "9"));
        PauseTransition wait = new PauseTransition(Duration.seconds(delay));
        wait.setOnFinished(e -> whenTypedShown(w, () -> capture(w, Path.of(dir)), 160));
        wait.play();
    }

    /**
     * Runs {@code then} once the typed sentence's maps are on screen (the bridge must not be paused before they
     * arrive, or they would wait behind the pause); gives up after {@code tries} × 250 ms.
     */
    private static void whenTypedShown(MainWindow w, Runnable then, int tries) {
        boolean wanted = !System.getProperty("attend.screenshot.analyze", "").isBlank();
        if (!wanted || TYPED_SHOWN.get() || tries <= 0) {
            if (wanted && !TYPED_SHOWN.get()) {
                LOG.warn("the typed sentence's attention did not arrive in time; taking the screenshots anyway");
            }
            PauseTransition settle = new PauseTransition(Duration.millis(400)); // a pulse draws the last picks
            settle.setOnFinished(e -> then.run());
            settle.play();
            return;
        }
        PauseTransition again = new PauseTransition(Duration.millis(250));
        again.setOnFinished(e -> whenTypedShown(w, then, tries - 1));
        again.play();
    }

    /** True when the lab shows the requested layer and head of the typed sentence (or nothing was requested). */
    private static boolean labShowsRequest(MainWindow w) {
        if (System.getProperty("attend.screenshot.analyze", "").isBlank()) {
            return true;
        }
        var vm = w.attention();
        int layer = Integer.getInteger("attend.screenshot.layer", -1);
        int head = Integer.getInteger("attend.screenshot.head", -1);
        return vm.current() != null && vm.current().utterance() < 0
                && (layer < 0 || Integer.valueOf(layer).equals(vm.layerProperty().get()))
                && (head < 0 || Integer.valueOf(head).equals(vm.headProperty().get()));
    }

    private static void capture(MainWindow w, Path out) {
        capture(w, out, 120);
    }

    private static void capture(MainWindow w, Path out, int tries) {
        boolean playing = !Boolean.getBoolean("attend.demo.autostart") || w.viewModel().latestFrame().get() != null
                && w.viewModel().media().mediaTime() > 1.0;
        if ((!labShowsRequest(w) || !playing) && tries > 0) {
            // the clip has not shown a frame yet (a slow start on a busy machine), or something re-picked the lab
            // after the typed sentence was shown: wait, pick again, then shoot
            if (!labShowsRequest(w)) {
                TYPED_SHOWN.set(false);
                pickMapWhenShown(w);
            }
            PauseTransition again = new PauseTransition(Duration.millis(250));
            again.setOnFinished(e -> capture(w, out, tries - 1));
            again.play();
            return;
        }
        try {
            Files.createDirectories(out);
            // freeze so all three pictures show the same moment
            if (w.session().stateProperty().get() == dev.attend.ui.session.SessionViewModel.State.RUNNING) {
                w.session().togglePause();
            }
            save(w.stage().getScene().getRoot(), out.resolve("main.png"));
            if (w.attention().sources().contains("minilm")) {
                w.attention().sourceProperty().set("minilm"); // attention.png: the typed sentence's MiniLM maps
            }
            w.labPane().refresh();
            save(w.attentionView(), out.resolve("attention.png"));
            if (Boolean.getBoolean("attend.screenshot.lab")) {
                saveLab(w, out);
            }
            w.showModelManager();
            PauseTransition later = new PauseTransition(Duration.seconds(1.5));
            later.setOnFinished(x -> {
                try {
                    save(w.modelDialog().stage().getScene().getRoot(), out.resolve("models.png"));
                    w.modelDialog().stage().hide();
                } catch (IOException ex) {
                    LOG.error("screenshot failed", ex);
                }
                shootSettings(w, out);
            });
            later.play();
        } catch (IOException ex) {
            LOG.error("screenshot failed", ex);
            Platform.exit();
        }
    }

    /** Settings with its device checks (here: no microphone, no camera), styled as the window styles it. */
    private static void shootSettings(MainWindow w, Path out) {
        dev.attend.ui.settings.SettingsDialog d = new dev.attend.ui.settings.SettingsDialog(w.stage(), w.settings(),
                w.translation().pairs(), w.i18n(), w.viewModel().tasks());
        d.getDialogPane().getStylesheets().setAll(w.stage().getScene().getStylesheets());
        d.getDialogPane().setStyle(w.stage().getScene().getRoot().getStyle());
        d.show();
        PauseTransition later = new PauseTransition(Duration.seconds(2));
        later.setOnFinished(x -> {
            try {
                save(d.getDialogPane().getScene().getRoot(), out.resolve("settings.png"));
            } catch (IOException ex) {
                LOG.error("screenshot failed", ex);
            }
            d.close();
            Platform.exit();
        });
        later.play();
    }

    private static void typeWhenStarted(MainWindow w) {
        String analyze = System.getProperty("attend.screenshot.analyze", "");
        String translate = System.getProperty("attend.screenshot.translate", "");
        if (analyze.isBlank() && translate.isBlank()) {
            return;
        }
        // typed only once the session's own session.start has reached the views: on a busy machine the models
        // load for seconds, and a session.start after the picks would re-pick the lab's first layer and head
        java.util.concurrent.atomic.AtomicBoolean started = new java.util.concurrent.atomic.AtomicBoolean();
        w.bridge().subscribe(dev.attend.event.CoreEvents.SessionStart.class, e -> started.set(true));
        javafx.animation.Timeline wait = new javafx.animation.Timeline();
        wait.setCycleCount(javafx.animation.Animation.INDEFINITE);
        long t0 = System.nanoTime();
        wait.getKeyFrames().add(new javafx.animation.KeyFrame(Duration.millis(250), e -> {
            if (!started.get() && System.nanoTime() - t0 < 60_000_000_000L) {
                return;
            }
            wait.stop();
            if (!analyze.isBlank()) {
                w.attentionView().analyzeField().setText(analyze);
                w.analyzeTyped(analyze);
                pickMapWhenShown(w);
            }
            if (!translate.isBlank()) {
                w.captions().translateField().setText(translate);
                w.translateTyped(translate);
            }
        }));
        wait.play();
    }

    /** Once the typed sentence's maps are in, shows the requested layer, head and formula row. */
    private static void pickMapWhenShown(MainWindow w) {
        int layer = Integer.getInteger("attend.screenshot.layer", -1);
        int head = Integer.getInteger("attend.screenshot.head", -1);
        int row = Integer.getInteger("attend.screenshot.row", -1);
        javafx.animation.Timeline poll = new javafx.animation.Timeline();
        poll.getKeyFrames().add(new javafx.animation.KeyFrame(Duration.millis(200), e -> {
            var vm = w.attention();
            if (vm.current() == null || vm.current().utterance() >= 0 || vm.analyzingProperty().get()
                    || layer >= 0 && !vm.layers().contains(layer) || head >= 0 && !vm.heads().contains(head)) {
                return; // not all of the sentence's maps have been drained yet
            }
            if (layer >= 0) {
                vm.layerProperty().set(layer);
            }
            if (head >= 0) {
                vm.headProperty().set(head);
            }
            if (vm.current() == null) {
                return; // that layer's head is still on its way
            }
            poll.stop();
            if (row >= 0 && row < vm.current().rows()) {
                vm.selectedRowProperty().set(row);
            }
            TYPED_SHOWN.set(true);
        }));
        poll.setCycleCount(javafx.animation.Animation.INDEFINITE);
        poll.play();
    }

    /**
     * {@code -Dattend.screenshot.lab=true}: the fusion lab on the session's newest fusion pass — lab-maps.png (the
     * audio→video map of layer 0, head {@code attend.screenshot.fusionHead} (default 0), its newest query
     * clicked), lab-architecture.png (diagram and formulas), lab-heads.png (head outputs over time).
     */
    private static void saveLab(MainWindow w, Path out) throws IOException {
        var vm = w.attention();
        var lab = w.labPane();
        if (!vm.sources().contains("fusion")) {
            LOG.warn("no fusion maps arrived; no lab screenshots");
            return;
        }
        vm.sourceProperty().set("fusion");
        vm.blockProperty().set(System.getProperty("attend.screenshot.fusionBlock", "audio → video"));
        vm.layerProperty().set(0);
        vm.headProperty().set(Integer.getInteger("attend.screenshot.fusionHead", 0));
        if (vm.current() != null) {
            vm.selectedRowProperty().set(vm.current().rows() - 1);
        }
        lab.getSelectionModel().select(lab.mapsTab());
        lab.applyCss();
        lab.layout();
        lab.refresh();
        save(lab, out.resolve("lab-maps.png"));
        lab.getSelectionModel().select(lab.architectureTab());
        lab.applyCss();
        lab.layout();
        lab.refresh();
        save(lab, out.resolve("lab-architecture.png"));
        lab.getSelectionModel().select(lab.headsTab());
        lab.applyCss();
        lab.layout();
        lab.refresh();
        save(lab, out.resolve("lab-heads.png"));
        lab.getSelectionModel().select(lab.mapsTab());
    }

    static void save(Node node, Path file) throws IOException {
        if (node instanceof javafx.scene.Parent p) {
            p.applyCss(); // the picture shows the laid-out state, not the one before the last pulse
            p.layout();
        }
        WritableImage img = node.snapshot(null, null);
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        int[] argb = new int[w * h];
        img.getPixelReader().getPixels(0, 0, w, h, javafx.scene.image.PixelFormat.getIntArgbInstance(), argb, 0, w);
        java.awt.image.BufferedImage out = new java.awt.image.BufferedImage(w, h,
                java.awt.image.BufferedImage.TYPE_INT_ARGB);
        out.setRGB(0, 0, w, h, argb, 0, w);
        ImageIO.write(out, "png", file.toFile());
        LOG.info("saved {}", file);
    }
}
