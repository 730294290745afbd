package dev.attend.ui.lab;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import javafx.util.Duration;

/** The speaker map: each utterance's vector on the first two principal components, one colour per speaker. */
public final class SpeakerPcaView extends Region {

    private static final double PAD = 28;
    private final Canvas canvas = new Canvas();
    private final SpeakerMapViewModel vm;
    private final Tooltip tip = new Tooltip();
    private String emptyText = "";
    private String axisX = "PC 1";
    private String axisY = "PC 2";
    private long drawn = -1;

    public SpeakerPcaView(SpeakerMapViewModel vm) {
        this.vm = vm;
        getChildren().add(canvas);
        setMinHeight(160);
        setPrefHeight(300);
        setId("speakerMap");
        tip.setShowDelay(Duration.millis(80));
        Tooltip.install(this, tip);
        canvas.setOnMouseMoved(e -> {
            SpeakerMapViewModel.Dot d = dotAt(e.getX(), e.getY());
            tip.setText(d == null ? "" : d.speaker() + ": " + d.text());
        });
    }

    public void setTexts(String empty, String pc1, String pc2) {
        emptyText = empty;
        axisX = pc1;
        axisY = pc2;
        drawn = -1;
    }

    public void refresh() {
        if (drawn != vm.version()) {
            draw();
        }
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        draw();
    }

    private double[] bounds() {
        double minX = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (SpeakerMapViewModel.Dot d : vm.dots()) {
            minX = Math.min(minX, d.x());
            maxX = Math.max(maxX, d.x());
            minY = Math.min(minY, d.y());
            maxY = Math.max(maxY, d.y());
        }
        double sx = Math.max(1e-9, maxX - minX);
        double sy = Math.max(1e-9, maxY - minY);
        return new double[] {minX - 0.08 * sx, maxX + 0.08 * sx, minY - 0.08 * sy, maxY + 0.08 * sy};
    }

    /** Where a dot is drawn, in local coordinates. */
    public double[] position(SpeakerMapViewModel.Dot d) {
        double[] b = bounds();
        double w = canvas.getWidth() - 2 * PAD;
        double h = canvas.getHeight() - 2 * PAD;
        return new double[] {PAD + (d.x() - b[0]) / (b[1] - b[0]) * w, PAD + h - (d.y() - b[2]) / (b[3] - b[2]) * h};
    }

    private SpeakerMapViewModel.Dot dotAt(double x, double y) {
        for (SpeakerMapViewModel.Dot d : vm.dots()) {
            double[] p = position(d);
            if (Math.hypot(p[0] - x, p[1] - y) < 7) {
                return d;
            }
        }
        return null;
    }

    private void draw() {
        drawn = vm.version();
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        g.setFont(Font.font(11));
        g.setFill(Color.gray(0.55));
        if (vm.dots().size() < 2) {
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(emptyText, w / 2, h / 2, w - 20);
            return;
        }
        g.setStroke(Color.gray(0.5, 0.5));
        g.strokeRect(PAD, PAD, w - 2 * PAD, h - 2 * PAD);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        g.fillText(axisX, w / 2, h - PAD + 4);
        g.save();
        g.translate(PAD - 16, h / 2);
        g.rotate(-90);
        g.fillText(axisY, 0, 0);
        g.restore();
        for (SpeakerMapViewModel.Dot d : vm.dots()) {
            double[] p = position(d);
            g.setFill(HeadPlots.palette(vm.colourOf(d.speaker())));
            g.fillOval(p[0] - 5, p[1] - 5, 10, 10);
        }
        int i = 0;
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        for (String s : vm.speakers()) {
            g.setFill(HeadPlots.palette(vm.colourOf(s)));
            g.fillOval(PAD + 6, PAD + 8 + i * 14, 8, 8);
            g.fillText(s, PAD + 18, PAD + 12 + i * 14);
            i++;
        }
    }
}
