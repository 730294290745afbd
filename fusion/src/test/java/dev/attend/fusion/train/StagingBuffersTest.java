package dev.attend.fusion.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import dev.attend.fusion.model.FusionConfig;
import dev.attend.fusion.model.FusionInputs;
import dev.attend.fusion.model.FusionModel;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StagingBuffersTest {

    private static final FusionConfig CFG = FusionTrainerTest.CFG;

    private static FusionInputs inputs(long seed) {
        FusionInputs in = FusionInputs.empty(3, CFG);
        Random r = new Random(seed);
        for (float[] a : new float[][] {in.audio(), in.video(), in.text(), in.audioTime(), in.videoTime(),
            in.textTime(), in.audioMask(), in.videoMask(), in.textMask()}) {
            for (int i = 0; i < a.length; i++) {
                a[i] = (float) r.nextGaussian();
            }
        }
        return in;
    }

    private static Targets targets(long seed) {
        Random r = new Random(seed);
        int b = 3;
        float[] f = new float[b];
        long[] intent = {r.nextInt(9), r.nextInt(9), r.nextInt(9)};
        float[] align = new float[b * CFG.textTokens() * CFG.audioTokens()];
        align[r.nextInt(align.length)] = 1;
        long[] slots = new long[b * 3];
        slots[r.nextInt(slots.length)] = 2;
        f[r.nextInt(b)] = 1;
        return new Targets(b, CFG.textTokens(), CFG.audioTokens(), f, f.clone(), intent, align, f.clone(),
                new float[b * b], f.clone(), new float[b * b], slots);
    }

    private static void assertSame(NDList staged, NDList made) {
        assertThat(staged.size()).isEqualTo(made.size());
        for (int i = 0; i < made.size(); i++) {
            assertThat(staged.get(i).getShape()).as("array %d", i).isEqualTo(made.get(i).getShape());
            assertThat(staged.get(i).getDataType()).as("array %d", i).isEqualTo(made.get(i).getDataType());
            assertThat(staged.get(i).toByteArray()).as("array %d", i).isEqualTo(made.get(i).toByteArray());
        }
    }

    @Test
    void stagedArraysHoldTheBytesDjlWouldMakeAndTheNextBatchReusesTheBuffers() {
        StagingBuffers s = new StagingBuffers();
        try (NDManager root = NDManager.newBaseManager(FusionModel.ENGINE)) {
            try (NDManager m = root.newSubManager()) {
                assertSame(s.inputs(m, inputs(1)), inputs(1).toNDList(m));
                assertSame(s.targets(m, targets(1)), targets(1).toNDList(m));
            }
            int buffers = s.buffers();
            assertThat(buffers).isEqualTo(9 + 11);
            try (NDManager m = root.newSubManager()) { // another batch: its own values in the same buffers
                assertSame(s.inputs(m, inputs(2)), inputs(2).toNDList(m));
                assertSame(s.targets(m, targets(2)), targets(2).toNDList(m));
            }
            assertThat(s.buffers()).isEqualTo(buffers);
            assertThat(s.allocations()).isEqualTo(buffers);
        }
    }
}
