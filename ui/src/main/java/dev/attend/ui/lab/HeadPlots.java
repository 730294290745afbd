package dev.attend.ui.lab;

import java.util.List;
import java.util.Map;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * The fusion heads over the last {@link #WINDOW} seconds of media time, three small plots: sync probability per
 * face track, addressee probability with its threshold, and the intent distribution (one line per intent, the
 * leading one named). Probabilities run 0…1 on every plot.
 */
public final class HeadPlots extends Region {

    static final double WINDOW = 10;
    private static final double LEFT = 34;
    private final Canvas canvas = new Canvas();
    private final LabSignals signals;
    private String[] titles = {"sync per face", "addressee", "intent"};
    private String faceLabel = "face";
    private String noFaceLabel = "no face";
    private String thresholdLabel = "threshold";
    private String leading = "";

    public HeadPlots(LabSignals signals) {
        this.signals = signals;
        getChildren().add(canvas);
        setMinHeight(180);
        setPrefHeight(300);
        setId("headPlots");
    }

    public void setLabels(String sync, String addressee, String intent, String face, String noFace,
                          String threshold) {
        titles = new String[] {sync, addressee, intent};
        faceLabel = face;
        noFaceLabel = noFace;
        thresholdLabel = threshold;
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        draw();
    }

    /** The intent leading at the newest step, as drawn (for tests). */
    public String leadingIntent() {
        return leading;
    }

    public void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        double now = signals.headsTime();
        double ph = (h - 6) / 3;
        double t1 = Double.isNaN(now) ? WINDOW : now;
        double t0 = t1 - WINDOW;
        for (int k = 0; k < 3; k++) {
            frame(g, k * ph + 2, ph - 4, w, titles[k], t0, t1);
        }
        int c = 0;
        for (Map.Entry<Integer, TimeSeries> e : signals.syncByTrack().entrySet()) {
            Color col = palette(c++);
            line(g, e.getValue().between(t0, t1), 2, ph - 4, w, t0, t1, col);
            legend(g, e.getKey() == 0 ? noFaceLabel : faceLabel + " " + e.getKey(), col, w, 2, c - 1);
        }
        threshold(g, ph + 2, ph - 4, w, LabSignals.ADDRESSEE_THRESHOLD);
        line(g, signals.addressee().between(t0, t1), ph + 2, ph - 4, w, t0, t1, Color.rgb(40, 170, 110));
        c = 0;
        double best = -1;
        leading = "";
        for (Map.Entry<String, TimeSeries> e : signals.intents().entrySet()) {
            Color col = palette(c++);
            List<TimeSeries.Point> pts = e.getValue().between(t0, t1);
            line(g, pts, 2 * ph + 2, ph - 4, w, t0, t1, col);
            if (!pts.isEmpty() && pts.get(pts.size() - 1).v() > best) {
                best = pts.get(pts.size() - 1).v();
                leading = e.getKey();
            }
        }
        if (!leading.isEmpty()) {
            g.setFill(Color.gray(0.5));
            g.setFont(Font.font(10));
            g.setTextAlign(TextAlignment.RIGHT);
            g.fillText(String.format(java.util.Locale.ROOT, "%s %.2f", leading, best), w - 4, 2 * ph + 12);
            int i = 0;
            for (String name : signals.intents().keySet()) {
                legendSwatch(g, name, palette(i), LEFT + 4 + (i % 5) * ((w - LEFT) / 5), 3 * ph - 16 + (i / 5) * 10);
                i++;
            }
        }
    }

    private void frame(GraphicsContext g, double y, double ph, double w, String title, double t0, double t1) {
        g.setStroke(Color.gray(0.5, 0.5));
        g.setLineWidth(1);
        g.strokeRect(LEFT, y, w - LEFT - 4, ph);
        g.setFill(Color.gray(0.55));
        g.setFont(Font.font(10));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText(title, LEFT + 4, y + 2);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText("1", LEFT - 4, y + 4);
        g.fillText("0", LEFT - 4, y + ph - 4);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText(String.format(java.util.Locale.ROOT, "%.0fs", t1), w - 6, y + ph - 1);
    }

    private void threshold(GraphicsContext g, double y, double ph, double w, double v) {
        double yy = y + ph - v * ph;
        g.setStroke(Color.rgb(230, 120, 40, 0.9));
        g.setLineDashes(5, 4);
        g.strokeLine(LEFT, yy, w - 4, yy);
        g.setLineDashes();
        g.setFill(Color.rgb(230, 120, 40));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText(thresholdLabel + " " + v, LEFT + 4, yy - 1);
    }

    private static void line(GraphicsContext g, List<TimeSeries.Point> pts, double y, double ph, double w, double t0,
                             double t1, Color col) {
        if (pts.isEmpty()) {
            return;
        }
        g.setStroke(col);
        g.setLineWidth(1.5);
        g.beginPath();
        for (int i = 0; i < pts.size(); i++) {
            double x = LEFT + (pts.get(i).t() - t0) / (t1 - t0) * (w - LEFT - 4);
            double yy = y + ph - Math.max(0, Math.min(1, pts.get(i).v())) * ph;
            if (i == 0) {
                g.moveTo(x, yy);
            } else {
                g.lineTo(x, yy);
            }
        }
        g.stroke();
    }

    private static void legend(GraphicsContext g, String name, Color col, double w, double y, int i) {
        g.setFill(col);
        g.setFont(Font.font(10));
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.TOP);
        g.fillText(name, w - 8, y + 2 + i * 11);
    }

    private static void legendSwatch(GraphicsContext g, String name, Color col, double x, double y) {
        g.setFill(col);
        g.fillRect(x, y + 2, 8, 3);
        g.setFont(Font.font(9));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(name, x + 10, y + 3);
    }

    static Color palette(int i) {
        Color[] p = {Color.rgb(70, 140, 230), Color.rgb(230, 90, 120), Color.rgb(40, 170, 110),
            Color.rgb(230, 160, 40), Color.rgb(150, 100, 220), Color.rgb(40, 180, 200), Color.rgb(200, 120, 60),
            Color.rgb(120, 160, 60), Color.rgb(140, 140, 140)};
        return p[Math.floorMod(i, p.length)];
    }
}
