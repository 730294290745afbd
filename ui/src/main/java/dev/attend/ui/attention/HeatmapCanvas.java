package dev.attend.ui.attention;

import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import javafx.util.Duration;

/**
 * Draws one attention map: rows = queries, columns = keys, colour = weight; axis labels are tokens or media
 * times; hovering shows the exact weight; clicking a row selects it for the formula view. Optional vertical marks
 * (e.g. Vosk word boundaries on a text→audio map) are drawn over the key axis at media times, and per-row spans
 * as outlines on their row (each word's own span on a text→audio map). The colour scale in
 * the corner gives the values of the colours (scaled to the map's largest weight).
 */
public final class HeatmapCanvas extends Region {

    /** Left edge of the cells (row labels and the colour scale sit left of it); strips drawn above align to it. */
    public static final double PLOT_LEFT = 78;
    /** Gap right of the last column. */
    public static final double PLOT_RIGHT = 4;
    private static final double LEFT = PLOT_LEFT;
    private static final double TOP = 70;
    private final Canvas canvas = new Canvas();
    private final Tooltip tip = new Tooltip();
    private AttentionMap map;
    private List<double[]> keyMarks = List.of();
    private List<double[]> rowSpans = List.of();
    private int selectedRow = -1;
    private Consumer<Integer> onRowClicked = r -> { };
    private String hoverText = "";
    private List<String> rowLabels = List.of();
    private List<String> colLabels = List.of();
    private double scaleMax;
    private javafx.scene.image.WritableImage cells;
    private int[] cellPixels;

    public HeatmapCanvas() {
        getChildren().add(canvas);
        setMinSize(200, 200);
        tip.setShowDelay(Duration.millis(80));
        Tooltip.install(this, tip);
        canvas.setOnMouseMoved(e -> hover(e.getX(), e.getY()));
        canvas.setOnMouseClicked(e -> {
            int[] c = cellAt(e.getX(), e.getY());
            if (c != null) {
                onRowClicked.accept(c[0]);
            }
        });
    }

    public void setOnRowClicked(Consumer<Integer> c) {
        onRowClicked = c;
    }

    /** Sets what to draw; {@code marks} are [start, end] media-time spans drawn on a time key axis. */
    public void show(AttentionMap m, int row, List<double[]> marks) {
        show(m, row, marks, List.of());
    }

    /**
     * As above, plus {@code rows}: per query row a [start, end] span (or null) outlined on that row — on a
     * text→audio map each word's own time span over the audio axis.
     */
    public void show(AttentionMap m, int row, List<double[]> marks, List<double[]> rows) {
        map = m;
        selectedRow = row;
        keyMarks = marks;
        rowSpans = rows;
        draw();
    }

    /** The per-row spans drawn at the last draw. */
    public List<double[]> rowSpans() {
        return rowSpans;
    }

    /** The time-axis marks drawn at the last draw. */
    public List<double[]> keyMarks() {
        return keyMarks;
    }

    /** The query labels drawn down the left side at the last draw (every one that fit). */
    public List<String> rowLabels() {
        return rowLabels;
    }

    /** The key labels drawn along the top at the last draw. */
    public List<String> colLabels() {
        return colLabels;
    }

    /** The text of the last hover (also in the tooltip). */
    public String hoverText() {
        return hoverText;
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        draw();
    }

    /** Cell under a point as {row, col}, or null. */
    public int[] cellAt(double x, double y) {
        if (map == null) {
            return null;
        }
        double cw = (canvas.getWidth() - LEFT - 4) / map.cols();
        double ch = (canvas.getHeight() - TOP - 4) / map.rows();
        int col = (int) Math.floor((x - LEFT) / cw);
        int row = (int) Math.floor((y - TOP) / ch);
        if (x < LEFT || y < TOP || col >= map.cols() || row >= map.rows()) {
            return null;
        }
        return new int[] {row, col};
    }

    /** Cell centre in local coordinates (for tests). */
    public double[] cellCentre(int row, int col) {
        double cw = (canvas.getWidth() - LEFT - 4) / map.cols();
        double ch = (canvas.getHeight() - TOP - 4) / map.rows();
        return new double[] {LEFT + (col + 0.5) * cw, TOP + (row + 0.5) * ch};
    }

    private void hover(double x, double y) {
        int[] c = cellAt(x, y);
        if (c == null) {
            tip.setText("");
            return;
        }
        hoverText = String.format("%s → %s : %.6f", map.queryLabel(c[0]), map.keyLabel(c[1]),
                map.weights()[c[0]][c[1]]);
        tip.setText(hoverText);
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        rowLabels = List.of();
        colLabels = List.of();
        if (map == null || w <= LEFT || h <= TOP) {
            return;
        }
        List<String> drawnRows = new java.util.ArrayList<>();
        List<String> drawnCols = new java.util.ArrayList<>();
        int rows = map.rows();
        int cols = map.cols();
        double cw = (w - LEFT - 4) / cols;
        double ch = (h - TOP - 4) / rows;
        double max = 1e-9;
        for (float[] r : map.weights()) {
            for (float v : r) {
                max = Math.max(max, v);
            }
        }
        scaleMax = max;
        drawScale(g, max);
        // one pixel per cell, scaled up without smoothing: one image instead of rows × cols rectangles for the
        // (software) renderer, which matters at 12 fusion passes a second
        if (cells == null || cells.getWidth() != cols || cells.getHeight() != rows) {
            cells = new javafx.scene.image.WritableImage(cols, rows);
            cellPixels = new int[rows * cols];
        }
        for (int i = 0; i < rows; i++) {
            float[] r = map.weights()[i];
            for (int j = 0; j < cols; j++) {
                // scaled to the map's max so small maps stay readable
                int k = (int) Math.round(Math.max(0, Math.min(1, r[j] / max)) * (LUT.length - 1));
                cellPixels[i * cols + j] = LUT[k];
            }
        }
        cells.getPixelWriter().setPixels(0, 0, cols, rows, javafx.scene.image.PixelFormat.getIntArgbInstance(),
                cellPixels, 0, cols);
        g.setImageSmoothing(false);
        g.drawImage(cells, LEFT, TOP, cols * cw, rows * ch);
        if (selectedRow >= 0 && selectedRow < rows) {
            g.setStroke(Color.WHITE);
            g.setLineWidth(2);
            g.strokeRect(LEFT, TOP + selectedRow * ch, cols * cw, ch);
        }
        Color text = Color.gray(0.55);
        g.setFill(text);
        // column labels are rotated 60°: neighbours are cw·sin 60° apart, so they fit closer than row labels
        double fs = Math.max(7, Math.min(12, Math.min(cw * 0.866, ch) * 0.95));
        g.setFont(Font.font(fs));
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        int rowStep = Math.max(1, (int) Math.ceil(fs * 0.9 / ch));
        for (int i = 0; i < rows; i += rowStep) {
            g.fillText(clip(map.queryLabel(i)), LEFT - 4, TOP + (i + 0.5) * ch);
            drawnRows.add(map.queryLabel(i));
        }
        int colStep = Math.max(1, (int) Math.ceil(fs * 0.9 / (cw * 0.866)));
        g.save();
        g.setTextAlign(TextAlignment.LEFT);
        for (int j = 0; j < cols; j += colStep) {
            g.save();
            g.translate(LEFT + (j + 0.5) * cw, TOP - 4);
            g.rotate(-60);
            g.fillText(clip(map.keyLabel(j)), 0, 0);
            g.restore();
            drawnCols.add(map.keyLabel(j));
        }
        g.restore();
        rowLabels = List.copyOf(drawnRows);
        colLabels = List.copyOf(drawnCols);
        double[] kt = map.keyTimes();
        if (kt != null && kt.length > 1 && !(keyMarks.isEmpty() && rowSpans.isEmpty())) {
            // a key's time is the end of the step it covers: column j spans [t_j − step, t_j]
            double t0 = kt[0] - (kt[kt.length - 1] - kt[0]) / (kt.length - 1);
            double t1 = kt[kt.length - 1];
            double px = cols * cw / (t1 - t0);
            g.setStroke(Color.rgb(255, 214, 0, 0.95));
            g.setLineWidth(1.5);
            for (int i = 0; i < Math.min(rows, rowSpans.size()); i++) {
                double[] sp = rowSpans.get(i);
                if (sp != null && sp[1] > t0 && sp[0] < t1) {
                    double x0 = LEFT + (Math.max(t0, sp[0]) - t0) * px;
                    double x1 = LEFT + (Math.min(t1, sp[1]) - t0) * px;
                    g.strokeRect(x0, TOP + i * ch + 0.75, Math.max(1, x1 - x0), ch - 1.5);
                }
            }
            g.setStroke(Color.rgb(255, 255, 255, 0.8));
            g.setLineWidth(1);
            g.setLineDashes(4, 3);
            for (double[] m : keyMarks) {
                for (double t : m) {
                    if (t >= t0 && t <= t1) {
                        double x = LEFT + (t - t0) / (t1 - t0) * cols * cw;
                        g.strokeLine(x, TOP, x, TOP + rows * ch);
                    }
                }
            }
            g.setLineDashes();
        }
    }

    private static final int[] LUT = new int[256];

    static {
        for (int k = 0; k < LUT.length; k++) {
            Color c = colour(k / (double) (LUT.length - 1));
            LUT[k] = 0xff000000 | (int) Math.round(c.getRed() * 255) << 16 | (int) Math.round(c.getGreen() * 255) << 8
                    | (int) Math.round(c.getBlue() * 255);
        }
    }

    /** The colour of a weight as a share of the map's largest one. */
    static Color colour(double v) {
        return Color.hsb(260 - 220 * v, 0.85, 0.15 + 0.85 * v);
    }

    /** A vertical colour bar in the top-left corner, labelled with the weights at its ends and middle. */
    private void drawScale(GraphicsContext g, double max) {
        double x = 6;
        double y0 = 8;
        double y1 = TOP - 10;
        int steps = 24;
        for (int k = 0; k < steps; k++) {
            g.setFill(colour(1 - (double) k / (steps - 1)));
            g.fillRect(x, y0 + k * (y1 - y0) / steps, 10, Math.ceil((y1 - y0) / steps));
        }
        g.setFill(Color.gray(0.55));
        g.setFont(Font.font(9));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(String.format(java.util.Locale.ROOT, "%.3f", max), x + 13, y0 + 2);
        g.fillText(String.format(java.util.Locale.ROOT, "%.3f", max / 2), x + 13, (y0 + y1) / 2);
        g.fillText("0", x + 13, y1 - 2);
    }

    /** The weight at the top of the colour scale at the last draw (the map's largest). */
    public double scaleMax() {
        return scaleMax;
    }

    private static String clip(String s) {
        return s.length() > 10 ? s.substring(0, 9) + "…" : s;
    }
}
