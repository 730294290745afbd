package dev.attend.speaker.xvector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attend.speaker.SpeakerModelBundle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundled vosk-model-spk-0.4 network read from its binary file (known structure of the x-vector TDNN). */
class Nnet3ReaderTest {

    @TempDir
    Path tmp;

    @Test
    void readsTheBundledXVectorNetwork() throws Exception {
        Path dir = SpeakerModelBundle.materialize(tmp);
        Nnet3Model net = Nnet3Reader.read(dir.resolve("final.ext.raw"));
        assertEquals(22, net.components().size());
        assertEquals("input-node name=input dim=23", net.config().get(0));
        assertTrue(net.config().contains("component-node name=tdnn3.affine component=tdnn3.affine "
                + "input=Append(Offset(tdnn2.batchnorm, -3), tdnn2.batchnorm, Offset(tdnn2.batchnorm, 3))"));
        // per-frame layers: 23×5 → 512, 512×3 → 512, 512×3 → 512, 512 → 512, 512 → 1500
        int[][] shapes = {{512, 115}, {512, 1536}, {512, 1536}, {512, 512}, {1500, 512}};
        long macs = 0;
        for (int i = 0; i < shapes.length; i++) {
            Nnet3Model.Component c = net.component("tdnn" + (i + 1) + ".affine");
            assertEquals("NaturalGradientAffineComponent", c.type());
            float[][] w = c.matrix("LinearParams");
            assertEquals(shapes[i][0], w.length, c.name());
            assertEquals(shapes[i][1], w[0].length, c.name());
            assertEquals(shapes[i][0], c.vector("BiasParams").length);
            macs += (long) w.length * w[0].length;
        }
        assertEquals(2_661_888, macs, "multiply-adds per 10 ms frame");
        // mean and standard deviation of 1500 → 3000, then the 512-d x-vector layer
        assertEquals(1500, net.component("stats-extraction-0-400").intValue("InputDim"));
        assertTrue(net.component("stats-pooling-0-400").flag("OutputStddevs"));
        assertEquals(3000, net.component("tdnn6.affine").matrix("LinearParams")[0].length);
        Nnet3Model.Component bn = net.component("tdnn1.batchnorm");
        assertEquals("BatchNormComponent", bn.type());
        assertEquals(512, bn.intValue("Dim"));
        // stored in training mode: an extractor switches batch-norm to its stored statistics itself
        assertEquals(false, bn.flag("TestMode"));
        assertTrue(bn.floatValue("Epsilon") > 0 && bn.floatValue("Epsilon") < 0.01f);
        assertEquals(512, bn.vector("StatsMean").length);
    }

    @Test
    void aFileThatIsNotANetworkIsRefusedClearly() throws Exception {
        Path bad = Files.writeString(tmp.resolve("final.ext.raw"), "not a network");
        IOException e = assertThrows(IOException.class, () -> Nnet3Reader.read(bad));
        assertTrue(e.getMessage().contains("no binary marker") || e.getMessage().contains("not a readable"),
                e.getMessage());
    }
}
