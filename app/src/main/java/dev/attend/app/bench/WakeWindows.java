package dev.attend.app.bench;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The heads' input windows (16 × 96 embeddings) wherever a head's phase scored at least {@link #CAPTURE}, per clip,
 * cached beside the raw scores: what the second-stage verifier reads at a candidate, so training it and replaying
 * a rule with it need no second run of the front end.
 *
 * @param clips per clip, in the order of the matching {@link WakeRawScores}
 */
record WakeWindows(List<List<Capture>> clips) {

    /** Lowest phase score whose window is kept: below any first-stage threshold the verifier is tried with. */
    static final float CAPTURE = 0.2f;
    /** Lower floor for the verifier-training corpus: far more negatives (candidate-like windows of plain speech). */
    static final float TRAINING_CAPTURE = 0.05f;

    private static final int MAGIC = 0x41575731; // "AWW1"

    /** One head's window at one block and phase. */
    record Capture(int block, int head, int phase, float score, float[] window) {
    }

    /** {@code fa-000} → {@code fa-000.win-p8-c0.20.bin}. */
    static Path file(Path dir, String base, int phases) {
        return file(dir, base, phases, CAPTURE);
    }

    static Path file(Path dir, String base, int phases, float capture) {
        return dir.resolve(String.format(Locale.ROOT, "%s.win-p%d-c%.2f.bin", base, phases, capture));
    }

    /** The capture at this block, head and phase, or null. */
    static Capture find(List<Capture> clip, int block, int head, int phase) {
        for (Capture c : clip) {
            if (c.block == block && c.head == head && c.phase == phase) {
                return c;
            }
        }
        return null;
    }

    /** The cached windows, or null when missing or unreadable (then made again). */
    static WakeWindows read(Path file) {
        try (DataInputStream in = BenchCacheFile.open(file, MAGIC)) {
            if (in == null) {
                return null;
            }
            int nc = in.readInt();
            int dim = in.readInt();
            List<List<Capture>> clips = new ArrayList<>();
            for (int c = 0; c < nc; c++) {
                int n = in.readInt();
                List<Capture> caps = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    int block = in.readInt();
                    int head = in.readByte();
                    int phase = in.readByte();
                    float score = in.readFloat();
                    float[] w = new float[dim];
                    for (int k = 0; k < dim; k++) {
                        w[k] = in.readFloat();
                    }
                    caps.add(new Capture(block, head, phase, score, w));
                }
                clips.add(caps);
            }
            return new WakeWindows(clips);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    void write(Path file) throws IOException {
        BenchCacheFile.write(file, MAGIC, o -> {
            o.writeInt(clips.size());
            int dim = clips.stream().flatMap(List::stream).findFirst().map(c -> c.window().length).orElse(0);
            o.writeInt(dim);
            for (List<Capture> caps : clips) {
                o.writeInt(caps.size());
                for (Capture c : caps) {
                    o.writeInt(c.block());
                    o.writeByte(c.head());
                    o.writeByte(c.phase());
                    o.writeFloat(c.score());
                    for (float v : c.window()) {
                        o.writeFloat(v);
                    }
                }
            }
        });
    }
}
