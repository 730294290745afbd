package dev.attend.encoders.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.UnknownFieldSet;
import dev.attend.models.Sha256;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Generic ONNX graph reading and editing on tiny hand-built models, and the cached edited MiniLM file. */
class OnnxGraphTest {

    private static UnknownFieldSet.Field strings(String... values) {
        UnknownFieldSet.Field.Builder f = UnknownFieldSet.Field.newBuilder();
        for (String v : values) {
            f.addLengthDelimited(ByteString.copyFromUtf8(v));
        }
        return f.build();
    }

    private static ByteString node(String op, List<String> in, String out) {
        return UnknownFieldSet.newBuilder().addField(1, strings(in.toArray(String[]::new))).addField(2, strings(out))
                .addField(3, strings(op + "_" + out)).addField(4, strings(op)).build().toByteString();
    }

    /** ModelProto{ir_version=8, graph{nodes, output y}} */
    private static byte[] model(ByteString... nodes) {
        UnknownFieldSet.Field.Builder n = UnknownFieldSet.Field.newBuilder();
        for (ByteString b : nodes) {
            n.addLengthDelimited(b);
        }
        ByteString output = UnknownFieldSet.newBuilder().addField(1, strings("y")).build().toByteString();
        UnknownFieldSet graph = UnknownFieldSet.newBuilder().addField(1, n.build())
                .addField(12, UnknownFieldSet.Field.newBuilder().addLengthDelimited(output).build()).build();
        return UnknownFieldSet.newBuilder()
                .addField(1, UnknownFieldSet.Field.newBuilder().addVarint(8).build())
                .addField(7, UnknownFieldSet.Field.newBuilder().addLengthDelimited(graph.toByteString()).build())
                .build().toByteArray();
    }

    @Test
    void readsNodesAndAppendsOutputsKeepingEverythingElse() throws Exception {
        byte[] m = model(node("MatMul", List.of("q", "k"), "qk"), node("Div", List.of("qk", "c"), "s"),
                node("Add", List.of("s", "mask"), "a"), node("Softmax", List.of("a"), "y"));
        OnnxGraph g = OnnxGraph.parse(m);
        assertThat(g.nodes()).extracting(OnnxGraph.Node::opType).containsExactly("MatMul", "Div", "Add", "Softmax");
        assertThat(g.nodes().get(2).inputs()).containsExactly("s", "mask");
        AttentionGraph a = AttentionGraph.find(g);
        assertThat(a.weights()).containsExactly("y");
        assertThat(a.scores()).containsExactly("a");
        byte[] edited = g.withExtraOutputs(List.of("y", "a", "qk"));
        assertThat(OnnxGraph.parse(edited).outputs()).containsExactly("y", "a", "qk");
        assertThat(OnnxGraph.parse(edited).nodes()).isEqualTo(g.nodes());
        assertThat(UnknownFieldSet.parseFrom(edited).getField(1).getVarintList()).containsExactly(8L);
    }

    @Test
    void refusesASoftmaxWhoseInputIsNotMaskedScaledScores() throws Exception {
        OnnxGraph g = OnnxGraph.parse(model(node("MatMul", List.of("q", "k"), "qk"), node("Softmax", List.of("qk"),
                "y")));
        assertThatThrownBy(() -> AttentionGraph.find(g)).isInstanceOf(InvalidProtocolBufferException.class)
                .hasMessageContaining("Softmax Softmax_y").hasMessageContaining("is not Add(");
        OnnxGraph none = OnnxGraph.parse(model(node("Relu", List.of("x"), "y")));
        assertThatThrownBy(() -> AttentionGraph.find(none)).hasMessageContaining("no Softmax");
    }

    @Test
    void refusesBytesThatAreNotAModel() {
        assertThatThrownBy(() -> OnnxGraph.parse(new byte[] {8, 1})).isInstanceOf(InvalidProtocolBufferException.class)
                .hasMessageContaining("expected one graph");
    }

    @Test
    void aDamagedCachedEditIsRewritten(@TempDir Path cache) throws Exception {
        AttentionModelFile first = AttentionModelFile.prepare(MiniLmFiles.BUNDLED.onnx(), cache);
        assertThat(first.file().getFileName().toString()).isEqualTo("all-minilm-l6-v2-q.attention.onnx");
        assertThat(first.file().getParent()).isEqualTo(MiniLmFiles.BUNDLED.onnx().materialize(cache).getParent());
        String good = Sha256.of(first.file());
        Files.write(first.file(), new byte[] {1, 2, 3});
        AttentionModelFile second = AttentionModelFile.prepare(MiniLmFiles.BUNDLED.onnx(), cache);
        assertThat(Sha256.of(second.file())).isEqualTo(good);
        assertThat(second.graph().layers()).isEqualTo(6);
    }
}
