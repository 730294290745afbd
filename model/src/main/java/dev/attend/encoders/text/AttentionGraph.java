package dev.attend.encoders.text;

import com.google.protobuf.InvalidProtocolBufferException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the self-attention tensors of a BERT-style ONNX graph: for each layer (in graph order) the Softmax output
 * (the attention weights) and its input, the masked scaled scores. In all-MiniLM-L6-v2 (quantized) the Softmax
 * input is {@code Add(Div(MatMul(Q, Kᵀ), √d), mask term)} where the mask term is {@code (1 - mask) × large negative}
 * shared by all layers; this class checks that shape (Add of a Div or Mul of a MatMul) so that "scores" always
 * means q·k/√d + mask, and refuses graphs where it does not hold.
 *
 * @param weights Softmax output names, layer 0 first
 * @param scores  Softmax input names (the pre-softmax scores), layer 0 first
 */
public record AttentionGraph(List<String> weights, List<String> scores) {

    public AttentionGraph {
        weights = List.copyOf(weights);
        scores = List.copyOf(scores);
    }

    public int layers() {
        return weights.size();
    }

    /** Every extra output name, weights then scores per layer. */
    public List<String> outputNames() {
        List<String> all = new ArrayList<>();
        for (int l = 0; l < layers(); l++) {
            all.add(weights.get(l));
            all.add(scores.get(l));
        }
        return all;
    }

    /**
     * @throws InvalidProtocolBufferException when the graph has no Softmax, or a Softmax whose input is not the
     *                                        masked, scaled q·k product
     */
    public static AttentionGraph find(OnnxGraph graph) throws InvalidProtocolBufferException {
        List<OnnxGraph.Node> nodes = graph.nodes();
        Map<String, OnnxGraph.Node> producer = new HashMap<>();
        for (OnnxGraph.Node n : nodes) {
            for (String out : n.outputs()) {
                producer.put(out, n);
            }
        }
        List<String> weights = new ArrayList<>();
        List<String> scores = new ArrayList<>();
        for (OnnxGraph.Node n : nodes) {
            if (!n.opType().equals("Softmax")) {
                continue;
            }
            String in = n.inputs().get(0);
            OnnxGraph.Node add = producer.get(in);
            if (add == null || !add.opType().equals("Add") || !hasScaledMatMulInput(add, producer)) {
                throw new InvalidProtocolBufferException("Softmax " + n.name() + ": its input " + in
                        + " is not Add(Div|Mul(MatMul(q, k)), mask); cannot expose attention scores of this graph");
            }
            weights.add(n.outputs().get(0));
            scores.add(in);
        }
        if (weights.isEmpty()) {
            throw new InvalidProtocolBufferException("the graph has no Softmax node: no attention to expose");
        }
        return new AttentionGraph(weights, scores);
    }

    private static boolean hasScaledMatMulInput(OnnxGraph.Node add, Map<String, OnnxGraph.Node> producer) {
        for (String in : add.inputs()) {
            OnnxGraph.Node scale = producer.get(in);
            if (scale != null && Set.of("Div", "Mul").contains(scale.opType())) {
                for (String s : scale.inputs()) {
                    OnnxGraph.Node mm = producer.get(s);
                    if (mm != null && mm.opType().equals("MatMul")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
