package dev.attend.encoders.text;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.UnknownFieldSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads and edits an ONNX model generically with protobuf's {@link UnknownFieldSet}, so no generated ONNX classes are
 * needed. Field numbers from onnx.proto: ModelProto 7 = graph; GraphProto 1 = node, 12 = output; NodeProto 1 = input,
 * 2 = output, 3 = name, 4 = op_type; ValueInfoProto 1 = name. Everything else (weights, opsets, metadata) is copied
 * through untouched.
 */
public final class OnnxGraph {

    private static final int MODEL_GRAPH = 7;
    private static final int GRAPH_NODE = 1;
    private static final int GRAPH_OUTPUT = 12;
    private static final int NODE_INPUT = 1;
    private static final int NODE_OUTPUT = 2;
    private static final int NODE_NAME = 3;
    private static final int NODE_OP_TYPE = 4;
    private static final int VALUE_INFO_NAME = 1;

    /** One node of the graph, in file (topological) order. */
    public record Node(String name, String opType, List<String> inputs, List<String> outputs) {
    }

    private final UnknownFieldSet model;
    private final UnknownFieldSet graph;

    private OnnxGraph(UnknownFieldSet model, UnknownFieldSet graph) {
        this.model = model;
        this.graph = graph;
    }

    /**
     * @throws InvalidProtocolBufferException when the bytes are not a protobuf message with exactly one graph
     */
    public static OnnxGraph parse(byte[] onnx) throws InvalidProtocolBufferException {
        UnknownFieldSet model = UnknownFieldSet.parseFrom(onnx);
        List<ByteString> graphs = model.hasField(MODEL_GRAPH)
                ? model.getField(MODEL_GRAPH).getLengthDelimitedList() : List.of();
        if (graphs.size() != 1) {
            throw new InvalidProtocolBufferException("not an ONNX model: expected one graph, found " + graphs.size());
        }
        return new OnnxGraph(model, UnknownFieldSet.parseFrom(graphs.get(0)));
    }

    public List<Node> nodes() throws InvalidProtocolBufferException {
        List<Node> out = new ArrayList<>();
        for (ByteString b : lengthDelimited(graph, GRAPH_NODE)) {
            UnknownFieldSet n = UnknownFieldSet.parseFrom(b);
            out.add(new Node(firstString(n, NODE_NAME), firstString(n, NODE_OP_TYPE), strings(n, NODE_INPUT),
                    strings(n, NODE_OUTPUT)));
        }
        return out;
    }

    /** Names of the graph's outputs, in order. */
    public List<String> outputs() throws InvalidProtocolBufferException {
        List<String> out = new ArrayList<>();
        for (ByteString b : lengthDelimited(graph, GRAPH_OUTPUT)) {
            out.add(firstString(UnknownFieldSet.parseFrom(b), VALUE_INFO_NAME));
        }
        return out;
    }

    /**
     * The model with {@code names} appended to the graph outputs (name-only value infos: ONNX Runtime infers type
     * and shape). Names that already are outputs are skipped.
     */
    public byte[] withExtraOutputs(Collection<String> names) throws InvalidProtocolBufferException {
        Set<String> existing = new LinkedHashSet<>(outputs());
        UnknownFieldSet.Field.Builder added = UnknownFieldSet.Field.newBuilder();
        for (String name : names) {
            if (existing.add(name)) {
                UnknownFieldSet valueInfo = UnknownFieldSet.newBuilder()
                        .addField(VALUE_INFO_NAME, UnknownFieldSet.Field.newBuilder()
                                .addLengthDelimited(ByteString.copyFromUtf8(name)).build())
                        .build();
                added.addLengthDelimited(valueInfo.toByteString());
            }
        }
        UnknownFieldSet newGraph = UnknownFieldSet.newBuilder(graph).mergeField(GRAPH_OUTPUT, added.build()).build();
        return UnknownFieldSet.newBuilder(model)
                .clearField(MODEL_GRAPH)
                .addField(MODEL_GRAPH, UnknownFieldSet.Field.newBuilder()
                        .addLengthDelimited(newGraph.toByteString()).build())
                .build()
                .toByteArray();
    }

    private static List<ByteString> lengthDelimited(UnknownFieldSet set, int field) {
        return set.hasField(field) ? set.getField(field).getLengthDelimitedList() : List.of();
    }

    private static List<String> strings(UnknownFieldSet set, int field) {
        return lengthDelimited(set, field).stream().map(ByteString::toStringUtf8).toList();
    }

    private static String firstString(UnknownFieldSet set, int field) {
        List<ByteString> l = lengthDelimited(set, field);
        return l.isEmpty() ? "" : l.get(0).toStringUtf8();
    }
}
