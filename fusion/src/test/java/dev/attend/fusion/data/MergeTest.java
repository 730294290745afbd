package dev.attend.fusion.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attend.fusion.model.FusionConfig;
import dev.attend.fusion.model.FusionInputs;
import dev.attend.fusion.train.TinyData;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MergeTest {

    private static final FusionConfig CFG = new FusionConfig(16, 2, 1, 1, 32, 0f, 8, 8, 4, FusionConfig.INTENTS);

    @Test
    void mergedFolderRenumbersAndKeepsEveryTensor(@TempDir Path tmp) throws Exception {
        TinyData.write(tmp.resolve("a"), CFG, 3, 1);
        TinyData.write(tmp.resolve("b"), CFG, 4, 2);
        FusionData.Header h = FusionDataset.merge(List.of(tmp.resolve("a"), tmp.resolve("b")), tmp.resolve("m"));
        FusionDataset a = FusionDataset.load(tmp.resolve("a"));
        FusionDataset b = FusionDataset.load(tmp.resolve("b"));
        FusionDataset m = FusionDataset.load(tmp.resolve("m"));
        assertThat(h.utterances()).isEqualTo(7);
        assertThat(h.samples()).isEqualTo(a.samples().size() + b.samples().size());
        assertThat(h.voices()).containsExactly("tiny"); // each voice once
        // b's first sample is the merged folder's sample after a's, pointing at utterance 3, with the same inputs
        int s = a.samples().size();
        FusionData.Sample ms = m.samples().get(s);
        assertThat(ms.id()).isEqualTo(s);
        assertThat(ms.utterance()).isEqualTo(3);
        assertThat(m.utterances().get(3).text()).isEqualTo(b.utterances().get(0).text());
        FusionInputs x = m.inputs(CFG, new int[] {s}, new boolean[] {true});
        FusionInputs y = b.inputs(CFG, new int[] {0}, new boolean[] {true});
        assertThat(x.audio()).containsExactly(y.audio());
        assertThat(x.video()).containsExactly(y.video());
        assertThat(x.text()).containsExactly(y.text());
        assertThat(x.textTime()).containsExactly(y.textTime());
    }
}
