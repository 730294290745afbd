package dev.attend.ui.devicecheck;

import dev.attend.media.MediaItem;
import dev.attend.media.VideoFrame;
import dev.attend.pipeline.MediaSource;
import dev.attend.ui.bridge.UiTasks;
import dev.attend.ui.i18n.I18n;
import dev.attend.ui.media.PreviewFrame;
import dev.attend.ui.media.VideoPreviewStage;
import dev.attend.video.CameraSource;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javafx.animation.AnimationTimer;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.VBox;

/**
 * The camera row of Settings: a small live preview of the chosen camera, or a clear "no camera" line with the
 * device layer's reason. Frames are scaled on the reading thread; the view copies the newest once per pulse.
 */
public final class CameraCheckView extends VBox {

    private final ImageView view = new ImageView();
    private final Label status = new Label();
    private final AtomicReference<PreviewFrame> latest = new AtomicReference<>();
    private final UiTasks ui;
    private final I18n i18n;
    private final AnimationTimer timer;
    private SourceProbe probe;
    private PreviewFrame shown;
    private WritableImage image;

    public CameraCheckView(I18n i18n, UiTasks ui) {
        super(4);
        this.ui = ui;
        this.i18n = i18n;
        setId("cameraCheck");
        view.setId("cameraPreview");
        view.setFitWidth(240);
        view.setPreserveRatio(true);
        view.setVisible(false);
        view.managedProperty().bind(view.visibleProperty());
        status.setId("cameraStatus");
        status.setWrapText(true);
        status.setMaxWidth(420);
        status.setPrefWidth(420);
        status.setMinHeight(USE_PREF_SIZE); // wrapped, never cut off
        getChildren().addAll(view, status);
        timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                copyNewest();
            }
        };
    }

    /** The camera of Settings ("" = the first one). */
    public static Supplier<MediaSource> camera(String device) {
        return () -> {
            if (device == null || device.isBlank()) {
                if (dev.attend.video.CameraDevices.canEnumerate() && dev.attend.video.CameraDevices.list().isEmpty()) {
                    throw new NoDeviceException(NoDeviceException.Why.NONE_ON_THIS_MACHINE);
                }
                return new CameraSource("0", 320, 240, 15);
            }
            return new CameraSource(device, 320, 240, 15);
        };
    }

    /** Starts previewing {@code source}; a preview running before is stopped. */
    public void start(Supplier<MediaSource> source) {
        stop();
        status.setText(i18n.get("camera.opening"));
        view.setVisible(false);
        probe = new SourceProbe("settings-camera", source, this::onItem, msg -> ui.onUi(() -> {
            view.setVisible(false);
            status.setText(SourceProbe.isKey(msg) ? i18n.get("camera." + msg) : i18n.get("camera.none", msg));
        }));
        timer.start();
    }

    private void onItem(MediaItem m) {
        if (m instanceof VideoFrame f) {
            latest.set(VideoPreviewStage.scale(f));
        }
    }

    private void copyNewest() {
        PreviewFrame f = latest.get();
        if (f == null || f == shown) {
            return;
        }
        shown = f;
        if (image == null || (int) image.getWidth() != f.width() || (int) image.getHeight() != f.height()) {
            image = new WritableImage(f.width(), f.height());
            view.setImage(image);
        }
        image.getPixelWriter().setPixels(0, 0, f.width(), f.height(), PixelFormat.getIntArgbInstance(), f.argb(), 0,
                f.width());
        if (!view.isVisible()) {
            view.setVisible(true);
            status.setText(i18n.get("camera.live", String.valueOf(f.sourceWidth()),
                    String.valueOf(f.sourceHeight())));
        }
    }

    public void stop() {
        timer.stop();
        SourceProbe p = probe;
        probe = null;
        if (p != null) {
            p.stop();
        }
    }

    /** The preview image (null before the first frame). */
    public WritableImage image() {
        return image;
    }
}
