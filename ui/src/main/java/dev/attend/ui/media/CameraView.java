package dev.attend.ui.media;

import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;

/**
 * The camera or video preview with the face box, keypoints and mouth region drawn over it. {@link #refresh} runs
 * once per UI pulse; it only copies pixels of a frame the preview stage already scaled.
 */
public final class CameraView extends Region {

    private final Canvas canvas = new Canvas();
    private final AtomicReference<PreviewFrame> latest;
    private final MediaViewModel vm;
    private WritableImage image;
    private PreviewFrame shown;
    private long shownVersion = -1;
    private String placeholder = "";

    public CameraView(AtomicReference<PreviewFrame> latest, MediaViewModel vm) {
        this.latest = latest;
        this.vm = vm;
        getChildren().add(canvas);
        getStyleClass().add("camera-view");
        setMinSize(160, 120);
        setPrefSize(400, 300);
    }

    public void setPlaceholder(String text) {
        placeholder = text;
        draw();
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        draw();
    }

    /** Redraws when a new frame or new faces arrived. */
    public void refresh() {
        PreviewFrame f = latest.get();
        if (f != shown || vm.version() != shownVersion) {
            if (f != null && f != shown) {
                if (image == null || image.getWidth() != f.width() || image.getHeight() != f.height()) {
                    image = new WritableImage(f.width(), f.height());
                }
                image.getPixelWriter().setPixels(0, 0, f.width(), f.height(), PixelFormat.getIntArgbInstance(),
                        f.argb(), 0, f.width());
            }
            shown = f;
            shownVersion = vm.version();
            draw();
        }
    }

    /** Whether a frame has been shown (for tests and the screenshot hook). */
    public boolean hasFrame() {
        return shown != null;
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.setFill(Color.rgb(24, 24, 28));
        g.fillRect(0, 0, w, h);
        MediaViewModel.Faces faces = vm.facesProperty().get();
        double srcW = shown != null ? shown.sourceWidth() : faces != null ? faces.width() : 0;
        double srcH = shown != null ? shown.sourceHeight() : faces != null ? faces.height() : 0;
        if (srcW <= 0 || srcH <= 0) {
            g.setFill(Color.gray(0.7));
            g.setFont(dev.attend.ui.i18n.I18n.fontFor(placeholder, 14));
            g.fillText(placeholder, 12, h / 2);
            return;
        }
        double s = Math.min(w / srcW, h / srcH);
        double ox = (w - srcW * s) / 2;
        double oy = (h - srcH * s) / 2;
        if (shown != null && image != null) {
            g.drawImage(image, ox, oy, srcW * s, srcH * s);
        }
        if (faces == null) {
            return;
        }
        // face coordinates are in the pixels of the frame that was analysed
        double fs = faces.width() > 0 ? s * srcW / faces.width() : s;
        g.setLineWidth(2);
        for (MediaViewModel.Face f : faces.faces()) {
            g.setStroke(Color.rgb(0, 200, 120));
            g.strokeRect(ox + f.box()[0] * fs, oy + f.box()[1] * fs, f.box()[2] * fs, f.box()[3] * fs);
            // on a dark plate so the label reads over hair, skin or sky
            String label = String.format("#%d %.2f", f.track(), f.score());
            Font font = Font.font(12);
            javafx.scene.text.Text probe = new javafx.scene.text.Text(label);
            probe.setFont(font);
            double lx = ox + f.box()[0] * fs;
            double ly = oy + f.box()[1] * fs;
            g.setFill(Color.rgb(0, 0, 0, 0.65));
            g.fillRect(lx - 1, ly - 17, probe.getLayoutBounds().getWidth() + 6, 16);
            g.setFill(Color.rgb(90, 255, 170));
            g.setFont(font);
            g.fillText(label, lx + 2, ly - 4);
            g.setFill(Color.rgb(255, 200, 0));
            for (double[] kp : f.keypoints()) {
                g.fillOval(ox + kp[0] * fs - 3, oy + kp[1] * fs - 3, 6, 6);
            }
            if (f.mouth() != null) {
                // brighter when the lips move more
                g.setStroke(Color.rgb(255, 80, 80, Math.min(1, 0.4 + f.mouthMotion() * 3)));
                g.strokeRect(ox + f.mouth()[0] * fs, oy + f.mouth()[1] * fs, f.mouth()[2] * fs, f.mouth()[3] * fs);
            }
        }
    }
}
