package dev.attend.app.bench;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Every head's raw score of every block and block phase of some clips, cached as one binary file, so scoring rules
 * (threshold, patience, phases, gate, votes) are tried offline in seconds ({@link WakeReplay}) instead of running
 * the front end again. Phases not scored online (gate closed) are NaN; replaying a gate at or above the recorded one
 * is exact.
 *
 * @param phases phases recorded (8: every other phase count is a subset)
 * @param gate   gate the scores were recorded with
 * @param heads  model names, in score order
 * @param clips  the clips
 */
record WakeRawScores(int phases, double gate, List<String> heads, List<Clip> clips) {

    private static final int MAGIC = 0x41575231; // "AWR1"

    /**
     * One clip.
     *
     * @param t0     per block, media time the phase-0 token ends (phase q ends q × 10 ms earlier)
     * @param scores per block, {@code scores[b][q * heads + h]}
     */
    record Clip(String label, double[] t0, float[][] scores, double cpuSeconds, long embeddingCalls) {

        int blocks() {
            return t0.length;
        }
    }

    /** {@code fa-000.wav} → {@code fa-000.raw-p8-g0.0100.bin}. */
    static Path file(Path dir, String base, int phases, double gate) {
        return dir.resolve(String.format(Locale.ROOT, "%s.raw-p%d-g%.4f.bin", base, phases, gate));
    }

    /** The cached scores, or null when there are none or they cannot be read (then they are made again). */
    static WakeRawScores read(Path file) {
        try (DataInputStream in = BenchCacheFile.open(file, MAGIC)) {
            if (in == null) {
                return null;
            }
            int phases = in.readInt();
            double gate = in.readDouble();
            int nh = in.readInt();
            List<String> heads = new ArrayList<>();
            for (int h = 0; h < nh; h++) {
                heads.add(in.readUTF());
            }
            int nc = in.readInt();
            List<Clip> clips = new ArrayList<>();
            for (int c = 0; c < nc; c++) {
                String label = in.readUTF();
                double cpu = in.readDouble();
                long calls = in.readLong();
                int blocks = in.readInt();
                double[] t0 = new double[blocks];
                float[][] s = new float[blocks][phases * nh];
                for (int b = 0; b < blocks; b++) {
                    t0[b] = in.readDouble();
                    for (int i = 0; i < s[b].length; i++) {
                        s[b][i] = in.readFloat();
                    }
                }
                clips.add(new Clip(label, t0, s, cpu, calls));
            }
            return new WakeRawScores(phases, gate, List.copyOf(heads), List.copyOf(clips));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    void write(Path file) throws IOException {
        BenchCacheFile.write(file, MAGIC, o -> {
            o.writeInt(phases);
            o.writeDouble(gate);
            o.writeInt(heads.size());
            for (String h : heads) {
                o.writeUTF(h);
            }
            o.writeInt(clips.size());
            for (Clip c : clips) {
                o.writeUTF(c.label());
                o.writeDouble(c.cpuSeconds());
                o.writeLong(c.embeddingCalls());
                o.writeInt(c.blocks());
                for (int b = 0; b < c.blocks(); b++) {
                    o.writeDouble(c.t0()[b]);
                    for (float v : c.scores()[b]) {
                        o.writeFloat(v);
                    }
                }
            }
        });
    }
}
