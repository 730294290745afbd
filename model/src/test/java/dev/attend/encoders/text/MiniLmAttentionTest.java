package dev.attend.encoders.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.attend.models.BundledModel;
import dev.attend.models.ModelIntegrityException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The attention-exposing MiniLM: shapes, softmax properties, padding, and equality with the unedited model. */
class MiniLmAttentionTest {

    private static final String FOX = "the quick brown fox jumps over the lazy dog";

    private static MiniLm plain;
    private static MiniLm tapped;

    @BeforeAll
    static void load() throws Exception {
        plain = MiniLm.load(false);
        tapped = MiniLm.load(true);
    }

    @AfterAll
    static void close() {
        tapped.close();
        plain.close();
    }

    @Test
    void findsSixSoftmaxLayersWhoseInputsAreMaskedScaledScores() throws Exception {
        byte[] onnx = MiniLmFiles.BUNDLED.onnx().readVerified();
        OnnxGraph graph = OnnxGraph.parse(onnx);
        AttentionGraph a = AttentionGraph.find(graph);
        assertThat(a.layers()).isEqualTo(6);
        assertThat(a.weights().get(0)).isEqualTo("/encoder/layer.0/attention/self/Softmax_output_0");
        assertThat(a.scores().get(5)).isEqualTo("/encoder/layer.5/attention/self/Add_output_0");
        assertThat(graph.outputs()).containsExactly("last_hidden_state");
        List<String> edited = OnnxGraph.parse(graph.withExtraOutputs(a.outputNames())).outputs();
        assertThat(edited).hasSize(13).startsWith("last_hidden_state").containsAll(a.outputNames());
    }

    @Test
    void givesSixByTwelveMapsOfSByS() {
        AttentionMaps m = tapped.attention(FOX);
        assertThat(m.tokens()).containsExactly("[CLS]", "the", "quick", "brown", "fox", "jumps", "over", "the",
                "lazy", "dog", "[SEP]");
        assertThat(m.layers()).isEqualTo(6);
        assertThat(m.heads()).isEqualTo(12);
        for (int l = 0; l < 6; l++) {
            for (int h = 0; h < 12; h++) {
                assertThat(m.weights(l, h)).hasDimensions(11, 11);
                assertThat(m.scores(l, h)).hasDimensions(11, 11);
            }
        }
    }

    @Test
    void everyRowSumsToOneAndSoftmaxOfScoresReproducesWeights() {
        AttentionMaps m = tapped.attention(FOX);
        for (int l = 0; l < m.layers(); l++) {
            for (int h = 0; h < m.heads(); h++) {
                float[][] w = m.weights(l, h);
                float[][] s = m.scores(l, h);
                for (int q = 0; q < m.size(); q++) {
                    assertThat(sum(w[q])).isCloseTo(1.0, within(1e-5));
                    double[] soft = softmax(s[q]);
                    for (int k = 0; k < m.size(); k++) {
                        assertThat((double) w[q][k]).isCloseTo(soft[k], within(1e-5));
                    }
                }
            }
            float[][] avg = m.headAverage(l);
            for (float[] row : avg) {
                assertThat(sum(row)).isCloseTo(1.0, within(1e-5));
            }
        }
    }

    @Test
    void paddingColumnsGetZeroWeightInAPaddedBatch() {
        EncoderOutput out = tapped.encode(List.of("hello world", FOX));
        AttentionMaps shortOne = out.attention().get(0);
        assertThat(shortOne.size()).isEqualTo(11);
        assertThat(shortOne.tokens().subList(4, 11)).containsOnly(TextTokenizer.PAD);
        for (int l = 0; l < 6; l++) {
            for (int h = 0; h < 12; h++) {
                float[][] w = shortOne.weights(l, h);
                for (int q = 0; q < 11; q++) {
                    assertThat(sum(w[q])).isCloseTo(1.0, within(1e-5));
                    for (int k = 4; k < 11; k++) {
                        assertThat(w[q][k]).as("layer %d head %d row %d pad column %d", l, h, q, k).isZero();
                        // the mask term: a large negative number added to q·k/√d
                        assertThat(shortOne.scores(l, h)[q][k]).isLessThan(-1e4f);
                    }
                }
            }
        }
        // the longer text has no padding: its rows spread over all 11 columns
        assertThat(out.attention().get(1).weights(0, 0)[0][10]).isPositive();
    }

    @Test
    void lastHiddenStateEqualsTheUneditedModelBitForBit() {
        List<String> texts = List.of("hello world", FOX);
        assertThat(tapped.encode(texts).hidden()).isDeepEqualTo(plain.encode(texts).hidden());
        assertThat(tapped.embed(FOX)).containsExactly(plain.embed(FOX));
        assertThat(plain.encode(texts).attention()).isEmpty();
    }

    @Test
    void attentionIsDeterministic() {
        AttentionMaps a = tapped.attention(FOX);
        AttentionMaps b = tapped.attention(FOX);
        assertThat(b.weights()).isDeepEqualTo(a.weights());
        assertThat(b.scores()).isDeepEqualTo(a.scores());
    }

    @Test
    void shaMismatchNamesTheFile(@TempDir Path cache) {
        String wrong = "0".repeat(64);
        MiniLmFiles badOnnx = new MiniLmFiles(new BundledModel(MiniLmFiles.BUNDLED.onnx().resource(), wrong),
                MiniLmFiles.BUNDLED.tokenizer());
        assertThatThrownBy(() -> MiniLm.load(badOnnx, cache, true, 64))
                .isInstanceOf(ModelIntegrityException.class)
                .hasMessageContaining("all-minilm-l6-v2-q.onnx")
                .hasMessageContaining("does not match the expected " + wrong);
        MiniLmFiles badTokenizer = new MiniLmFiles(MiniLmFiles.BUNDLED.onnx(),
                new BundledModel(MiniLmFiles.BUNDLED.tokenizer().resource(), wrong));
        assertThatThrownBy(() -> MiniLm.load(badTokenizer, cache, false, 64))
                .isInstanceOf(ModelIntegrityException.class)
                .hasMessageContaining("all-minilm-l6-v2-q-tokenizer.json");
    }

    @Test
    void attentionOfThePlainModelIsRefusedClearly() {
        org.assertj.core.api.Assertions.assertThatIllegalStateException()
                .isThrownBy(() -> plain.attention(FOX))
                .withMessageContaining("without attention outputs");
    }

    private static double sum(float[] row) {
        double s = 0;
        for (float x : row) {
            s += x;
        }
        return s;
    }

    private static double[] softmax(float[] row) {
        double max = Double.NEGATIVE_INFINITY;
        for (float x : row) {
            max = Math.max(max, x);
        }
        double[] e = new double[row.length];
        double z = 0;
        for (int i = 0; i < row.length; i++) {
            e[i] = Math.exp(row[i] - max);
            z += e[i];
        }
        for (int i = 0; i < row.length; i++) {
            e[i] /= z;
        }
        return e;
    }
}
