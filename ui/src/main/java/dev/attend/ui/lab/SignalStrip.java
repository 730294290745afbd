package dev.attend.ui.lab;

import dev.attend.ui.attention.AttentionMap;
import dev.attend.ui.attention.HeatmapCanvas;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;

/**
 * The audio envelope (top) and the main face's mouth motion (bottom) over the shown map's key times, drawn on the
 * heatmap's column grid: a cell's column is the strip's moment, so lips moving with the voice line up with a
 * diagonal band in the audio↔video maps. Word spans (text→audio) are marked on the envelope.
 */
public final class SignalStrip extends Region {

    private final Canvas canvas = new Canvas();
    private final LabSignals signals;
    private AttentionMap map;
    private List<double[]> words = List.of();
    private String audioLabel = "audio";
    private String mouthLabel = "mouth";
    private int drawnPoints;

    public SignalStrip(LabSignals signals) {
        this.signals = signals;
        getChildren().add(canvas);
        setPrefHeight(46);
        setMinHeight(46);
        setMaxHeight(46);
        setId("signalStrip");
    }

    public void setLabels(String audio, String mouth) {
        audioLabel = audio;
        mouthLabel = mouth;
    }

    /** Draws for this map (nothing when its key axis is not media time). */
    /** The word spans shaded at the last {@link #show}. */
    public List<double[]> wordSpans() {
        return words;
    }

    public void show(AttentionMap m, List<double[]> wordSpans) {
        map = m;
        words = wordSpans;
        draw();
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        draw();
    }

    /** Envelope and mouth points drawn at the last draw (for tests). */
    public int drawnPoints() {
        return drawnPoints;
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        drawnPoints = 0;
        double[] kt = map == null ? null : map.keyTimes();
        double left = HeatmapCanvas.PLOT_LEFT;
        double width = w - left - HeatmapCanvas.PLOT_RIGHT;
        if (kt == null || kt.length < 2 || width <= 0) {
            return;
        }
        double step = (kt[kt.length - 1] - kt[0]) / (kt.length - 1);
        // a key's column covers the token ending at its time: [t − step, t]
        double t0 = kt[0] - step;
        double t1 = kt[kt.length - 1];
        double half = h / 2;
        g.setFill(Color.gray(0.5, 0.12));
        g.fillRect(left, 0, width, h);
        g.setFont(Font.font(10));
        g.setTextBaseline(VPos.CENTER);
        g.setFill(Color.gray(0.55));
        g.fillText(audioLabel, 4, half / 2);
        g.fillText(mouthLabel, 4, half + half / 2);
        g.setStroke(Color.rgb(255, 200, 80, 0.9));
        g.setLineWidth(1);
        for (double[] s : words) {
            double a = x(s[0], t0, t1, left, width);
            double b = x(s[1], t0, t1, left, width);
            if (b >= left && a <= left + width) {
                g.setFill(Color.rgb(255, 200, 80, 0.25));
                g.fillRect(Math.max(left, a), 0, Math.min(left + width, b) - Math.max(left, a), half);
            }
        }
        g.setFill(Color.rgb(70, 140, 230));
        for (TimeSeries.Point p : signals.envelope().between(t0, t1)) {
            double amp = Math.min(1, p.v()) * (half - 2);
            g.fillRect(x(p.t(), t0, t1, left, width) - 1, half / 2 - amp / 2, 2, Math.max(1, amp));
            drawnPoints++;
        }
        List<TimeSeries.Point> mouth = signals.mouth().between(t0, t1);
        double max = 1e-6;
        for (TimeSeries.Point p : mouth) {
            max = Math.max(max, p.v());
        }
        g.setStroke(Color.rgb(230, 90, 120));
        g.setLineWidth(1.5);
        g.beginPath();
        boolean first = true;
        for (TimeSeries.Point p : mouth) {
            double y = h - 2 - p.v() / max * (half - 4);
            if (first) {
                g.moveTo(x(p.t(), t0, t1, left, width), y);
                first = false;
            } else {
                g.lineTo(x(p.t(), t0, t1, left, width), y);
            }
            drawnPoints++;
        }
        g.stroke();
        g.setStroke(Color.gray(0.5, 0.5));
        g.strokeLine(left, half, left + width, half);
    }

    private static double x(double t, double t0, double t1, double left, double width) {
        return left + (t - t0) / (t1 - t0) * width;
    }
}
