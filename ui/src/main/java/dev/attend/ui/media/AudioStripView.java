package dev.attend.ui.media;

import java.util.List;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;

/**
 * The last {@link #SECONDS} seconds of audio: waveform on top, scrolling log-mel strip below, speech (VAD)
 * segments shaded and wake-word detections marked. Columns come ready-made from {@link AudioPreviewStage}.
 */
public final class AudioStripView extends Region {

    public static final double SECONDS = 6;
    private static final int COLS = (int) (SECONDS * 100);
    private static final int MELS = AudioPreviewStage.MEL_BINS;
    private static final int WAVE_PX = 64;
    private static final int BACKGROUND = 0xFF14141A;
    private static final int WAVE = 0xFF5AC8FF;

    private final Canvas canvas = new Canvas();
    private final AudioPreviewBuffer buffer;
    private final MediaViewModel vm;
    private final float[] mins = new float[COLS];
    private final float[] maxs = new float[COLS];
    private final int[] melPixels = new int[COLS * MELS];
    private final int[] ordered = new int[COLS * MELS];
    private final WritableImage melImage = new WritableImage(COLS, MELS);
    // the waveform as pixels, one column per 10 ms: one scaled image instead of 600 line shapes per redraw, which
    // the software renderer drew through its path rasterizer at up to 60 redraws a second
    private final int[] wavePixels = new int[COLS * WAVE_PX];
    private final WritableImage waveImage = new WritableImage(COLS, WAVE_PX);
    private int head; // next column to write (ring)
    private double lastT = Double.NaN;
    private long drawnVersion = -1;
    private float dbMax = -40;
    private int columnsSeen;

    public AudioStripView(AudioPreviewBuffer buffer, MediaViewModel vm) {
        this.buffer = buffer;
        this.vm = vm;
        getChildren().add(canvas);
        setMinHeight(120);
        setPrefHeight(230);
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        draw();
    }

    /** Takes new columns and redraws if anything changed. */
    public void refresh() {
        List<AudioColumn> cols = buffer.drain();
        for (AudioColumn c : cols) {
            add(c);
        }
        vm.setHasAudioColumns(columnsSeen > 0);
        if (!cols.isEmpty() || vm.version() != drawnVersion) {
            drawnVersion = vm.version();
            draw();
        }
    }

    public int columnsSeen() {
        return columnsSeen;
    }

    public void reset() {
        java.util.Arrays.fill(mins, 0);
        java.util.Arrays.fill(maxs, 0);
        java.util.Arrays.fill(melPixels, 0);
        lastT = Double.NaN;
        columnsSeen = 0;
        draw();
    }

    private void add(AudioColumn c) {
        mins[head] = c.min();
        maxs[head] = c.max();
        for (float v : c.melDb()) {
            dbMax = Math.max(dbMax, v);
        }
        dbMax -= 0.002f; // slowly adapts to quieter input
        for (int m = 0; m < MELS; m++) {
            double norm = (c.melDb()[m] - (dbMax - 80)) / 80; // 80 dB of range
            melPixels[(MELS - 1 - m) * COLS + head] = heat(Math.max(0, Math.min(1, norm)));
        }
        head = (head + 1) % COLS;
        lastT = c.t();
        columnsSeen++;
    }

    private static final int[][] MAGMA = {{0, 0, 4}, {59, 15, 112}, {140, 41, 129}, {222, 73, 104},
        {254, 159, 109}, {252, 253, 191}};

    /** A magma-like ramp: black → purple → orange → pale yellow. */
    static int heat(double v) {
        double x = Math.max(0, Math.min(1, v)) * (MAGMA.length - 1);
        int i = Math.min(MAGMA.length - 2, (int) x);
        double f = x - i;
        int r = (int) (MAGMA[i][0] + f * (MAGMA[i + 1][0] - MAGMA[i][0]));
        int g = (int) (MAGMA[i][1] + f * (MAGMA[i + 1][1] - MAGMA[i][1]));
        int b = (int) (MAGMA[i][2] + f * (MAGMA[i + 1][2] - MAGMA[i][2]));
        return 0xFF000000 | r << 16 | g << 8 | b;
    }

    /** Each column's min..max as a vertical run of pixels, oldest column first. */
    private void drawWave() {
        java.util.Arrays.fill(wavePixels, BACKGROUND);
        double mid = WAVE_PX / 2.0;
        for (int i = 0; i < COLS; i++) {
            int c = (head + i) % COLS;
            int top = Math.max(0, Math.min(WAVE_PX - 1, (int) Math.floor(mid - maxs[c] * mid)));
            int bottom = Math.max(top, Math.min(WAVE_PX - 1, (int) Math.ceil(mid - mins[c] * mid)));
            for (int y = top; y <= bottom; y++) {
                wavePixels[y * COLS + i] = WAVE;
            }
        }
        waveImage.getPixelWriter().setPixels(0, 0, COLS, WAVE_PX, PixelFormat.getIntArgbInstance(), wavePixels, 0,
                COLS);
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.setFill(Color.rgb(0x14, 0x14, 0x1A));
        g.fillRect(0, 0, w, h);
        if (w <= 0 || h <= 0) {
            return;
        }
        double waveH = h * 0.35;
        double melTop = waveH + 2;
        double melH = h - melTop;
        // ring → chronological image: oldest column first
        for (int y = 0; y < MELS; y++) {
            int row = y * COLS;
            System.arraycopy(melPixels, row + head, ordered, row, COLS - head);
            System.arraycopy(melPixels, row, ordered, row + COLS - head, head);
        }
        melImage.getPixelWriter().setPixels(0, 0, COLS, MELS, PixelFormat.getIntArgbInstance(), ordered, 0, COLS);
        g.drawImage(melImage, 0, melTop, w, melH);
        drawWave();
        g.drawImage(waveImage, 0, 0, w, waveH);
        double end = Double.isNaN(lastT) ? vm.mediaTime() : Math.max(lastT, 0);
        double start = end - SECONDS;
        g.setFill(Color.rgb(0, 220, 120, 0.22));
        for (MediaViewModel.Segment s : vm.segments()) {
            double se = Double.isNaN(s.end()) ? end : s.end();
            if (se < start || s.start() > end) {
                continue;
            }
            double x0 = Math.max(0, (s.start() - start) / SECONDS * w);
            double x1 = Math.min(w, (se - start) / SECONDS * w);
            g.fillRect(x0, 0, x1 - x0, h);
        }
        g.setStroke(Color.rgb(255, 170, 0));
        g.setFill(Color.rgb(255, 170, 0));
        g.setLineWidth(2);
        g.setFont(Font.font(11));
        for (MediaViewModel.WakeMark m : vm.wakes()) {
            if (m.t() >= start && m.t() <= end) {
                double x = (m.t() - start) / SECONDS * w;
                g.strokeLine(x, 0, x, h);
                g.fillText(m.model() + String.format(" %.2f", m.score()), Math.min(x + 3, w - 90), 12);
            }
        }
        g.setFill(Color.rgb(0, 0, 0, 0.65)); // a plate so the time reads over the mel colours
        g.fillRect(w - 46, h - 17, 46, 17);
        g.setFill(Color.gray(0.92));
        g.fillText(String.format("%.1f s", end), w - 42, h - 4);
    }
}
