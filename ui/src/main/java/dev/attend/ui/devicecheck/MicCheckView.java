package dev.attend.ui.devicecheck;

import dev.attend.ui.i18n.I18n;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

/**
 * The microphone row of Settings: a level meter (−60…0 dBFS) with its reading, "Record 3 s", "Play", the
 * recording's waveform with its RMS and peak, and one line saying what is going on (or that there is no
 * microphone).
 */
public final class MicCheckView extends VBox {

    static final double METER_FLOOR_DB = -60;
    private final Canvas wave = new Canvas(300, 48);

    public MicCheckView(MicCheck check, I18n i18n) {
        super(4);
        setId("micCheck");
        ProgressBar meter = new ProgressBar(0);
        meter.setId("micMeter");
        meter.setPrefWidth(200);
        meter.progressProperty().bind(Bindings.createDoubleBinding(() -> meterShare(check.levelDbProperty().get()),
                check.levelDbProperty()));
        Label reading = new Label();
        reading.setId("micLevel");
        reading.setMinWidth(USE_PREF_SIZE);
        reading.textProperty().bind(Bindings.createStringBinding(() -> check.stateProperty().get()
                        == MicCheck.State.NO_MICROPHONE || check.stateProperty().get() == MicCheck.State.OPENING ? "–"
                        : String.format(Locale.ROOT, "%.0f dBFS", check.levelDbProperty().get()),
                check.levelDbProperty(), check.stateProperty()));
        Button record = new Button();
        record.setId("micRecord");
        record.textProperty().bind(i18n.text("mic.record"));
        record.setOnAction(e -> check.record());
        record.disableProperty().bind(Bindings.createBooleanBinding(() -> check.stateProperty().get()
                != MicCheck.State.LISTENING && check.stateProperty().get() != MicCheck.State.RECORDED,
                check.stateProperty()));
        Button play = new Button();
        play.setId("micPlay");
        play.textProperty().bind(i18n.text("mic.play"));
        play.setOnAction(e -> check.play());
        play.disableProperty().bind(check.recordingProperty().isNull()
                .or(check.playbackProperty().isEqualTo("playing")));
        Label status = new Label();
        status.setId("micStatus");
        status.setWrapText(true);
        status.setMaxWidth(420);
        status.setPrefWidth(420);
        status.setMinHeight(USE_PREF_SIZE); // wrapped, never cut off
        status.textProperty().bind(Bindings.createStringBinding(() -> statusText(i18n, check),
                check.stateProperty(), check.problemProperty(), check.recordingProperty(), check.playbackProperty(),
                i18n.localeProperty()));
        HBox top = new HBox(8, meter, reading, record, play);
        top.setAlignment(Pos.CENTER_LEFT);
        wave.setId("micWave");
        wave.visibleProperty().bind(check.recordingProperty().isNotNull());
        wave.managedProperty().bind(wave.visibleProperty());
        check.recordingProperty().addListener((o, a, r) -> drawWave(r));
        getChildren().addAll(top, wave, status);
    }

    /** Where a level sits on the meter: −60 dBFS and below empty, 0 dBFS full. */
    static double meterShare(double db) {
        return Math.max(0, Math.min(1, (db - METER_FLOOR_DB) / -METER_FLOOR_DB));
    }

    static String statusText(I18n i18n, MicCheck c) {
        return switch (c.stateProperty().get()) {
            case OPENING -> i18n.get("mic.opening");
            case NO_MICROPHONE -> SourceProbe.isKey(c.problemProperty().get()) ? i18n.get("mic."
                    + c.problemProperty().get()) : i18n.get("mic.none", c.problemProperty().get());
            case LISTENING -> i18n.get("mic.listening");
            case RECORDING -> i18n.get("mic.recording");
            case RECORDED -> {
                float[] r = c.recordingProperty().get();
                String what = i18n.get("mic.recorded", String.format(Locale.ROOT, "%.0f",
                        MicCheck.rmsDb(r)), String.format(Locale.ROOT, "%.0f", peakDb(r)));
                String pb = c.playbackProperty().get();
                yield pb.equals("no-output") ? what + " " + i18n.get("mic.noOutput") : what;
            }
        };
    }

    static double peakDb(float[] r) {
        double p = 0;
        for (float v : r) {
            p = Math.max(p, Math.abs(v));
        }
        return dev.attend.audio.LevelMeterStage.dbfs(p);
    }

    private void drawWave(float[] r) {
        GraphicsContext g = wave.getGraphicsContext2D();
        double w = wave.getWidth();
        double h = wave.getHeight();
        g.clearRect(0, 0, w, h);
        if (r == null) {
            return;
        }
        g.setStroke(Color.web("#2f81f7"));
        int per = Math.max(1, r.length / (int) w);
        for (int x = 0; x < (int) w; x++) {
            float lo = 0;
            float hi = 0;
            for (int i = x * per; i < Math.min(r.length, (x + 1) * per); i++) {
                lo = Math.min(lo, r[i]);
                hi = Math.max(hi, r[i]);
            }
            g.strokeLine(x + 0.5, h / 2 - hi * h / 2, x + 0.5, h / 2 - lo * h / 2);
        }
    }
}
