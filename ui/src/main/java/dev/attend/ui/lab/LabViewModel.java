package dev.attend.ui.lab;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.attend.event.AttentionEvent;
import dev.attend.event.EventCodec;
import dev.attend.ui.attention.AttentionMap;
import dev.attend.ui.attention.AttentionViewModel;
import dev.attend.ui.bridge.EventBridge;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The fusion lab's state around the attention view-model: which diagram box is shown (and so which maps), the
 * live tensor shapes of each box, the signals and head outputs, the speaker map, and the model facts the app gave.
 */
public final class LabViewModel {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(LabViewModel.class);
    /** The fusion model's {@code attention} events carry this source. */
    public static final String FUSION = "fusion";

    private final AttentionViewModel attention;
    private final LabSignals signals = new LabSignals();
    private final SpeakerMapViewModel speakers = new SpeakerMapViewModel();
    private final ObjectProperty<FusionFacts> facts = new SimpleObjectProperty<>();
    /** The last box clicked that is not a map (FFN, heads, …); null when a map box is the one shown. */
    private final ObjectProperty<ArchBlock> picked = new SimpleObjectProperty<>();

    public LabViewModel(AttentionViewModel attention) {
        this.attention = attention;
        attention.blockProperty().addListener((o, a, b) -> {
            if (b != null && FUSION.equals(attention.sourceProperty().get())) {
                picked.set(null);
            }
        });
    }

    public void subscribe(EventBridge bridge) {
        signals.subscribe(bridge);
        speakers.subscribe(bridge);
    }

    /**
     * Asks for the model's facts (sizes, τ, task weights) off the UI thread once the fusion transformer runs
     * (loading them costs a second), and passes on the message of a fusion stage that could not start (the
     * session goes on without it).
     */
    public void followModel(EventBridge bridge, dev.attend.ui.bridge.UiTasks tasks,
                            java.util.function.Supplier<FusionFacts> source, java.util.function.Consumer<String> warn) {
        boolean[] asked = {false};
        bridge.subscribe(dev.attend.event.FusionEvent.class, e -> {
            if (!asked[0]) {
                asked[0] = true;
                tasks.run(source::get, facts::set, ex -> LOG.warn("fusion model facts not available: {}",
                        ex.getMessage()));
            }
        });
        bridge.subscribe(dev.attend.event.CoreEvents.SourceError.class, e -> {
            if (FUSION.equals(e.source()) && !e.fatal()) {
                warn.accept(e.message());
            }
        });
    }

    /**
     * Shows a box: an attention box switches the maps to the fusion source and that block (keeping layer and head
     * where the block has them); multi-head shows the mean of the heads; other boxes are only marked.
     */
    public void select(ArchBlock b) {
        if (b.mapBlock() != null) {
            if (attention.sources().contains(FUSION)) {
                attention.sourceProperty().set(FUSION);
                if (attention.blocks().contains(b.mapBlock())) {
                    attention.blockProperty().set(b.mapBlock());
                }
            }
            picked.set(null);
            return;
        }
        if (b == ArchBlock.MULTI_HEAD && attention.heads().contains(AttentionViewModel.AVERAGE)) {
            attention.headProperty().set(AttentionViewModel.AVERAGE);
        }
        picked.set(b);
    }

    /** The box to highlight: the one whose maps are on screen, else the last other box clicked. */
    public ArchBlock highlighted() {
        if (picked.get() != null) {
            return picked.get();
        }
        if (FUSION.equals(attention.sourceProperty().get())) {
            return ArchBlock.ofMapBlock(attention.blockProperty().get());
        }
        return null;
    }

    /** Whether the fusion source has maps of this box's block. */
    public boolean hasMaps(ArchBlock b) {
        return b.mapBlock() != null && FUSION.equals(attention.sourceProperty().get())
                && attention.blocks().contains(b.mapBlock());
    }

    /**
     * The box's tensor shapes as one line, from the live pass where it has the map (its real rows × keys) and the
     * model facts otherwise; empty when neither is known.
     */
    public String shape(ArchBlock b) {
        FusionFacts f = facts.get();
        String live = liveShape(b);
        if (f == null) {
            return live;
        }
        int t = f.audioTokens();
        int d = f.dModel();
        String s = switch (b) {
            case AUDIO_IN -> t + " × " + f.inputDims()[0];
            case VIDEO_IN -> t + " × " + f.inputDims()[1];
            case TEXT_IN -> "≤" + f.textTokens() + " × " + f.inputDims()[2];
            case AUDIO_ENC, VIDEO_ENC -> t + " × " + d;
            case TEXT_ENC -> "≤" + f.textTokens() + " × " + d;
            case AUDIO_SELF, VIDEO_SELF, TEXT_SELF -> f.layers() + " × " + f.heads() + " × Q × K, d_k " + f.dk();
            case AUDIO_FROM_VIDEO, VIDEO_FROM_AUDIO, TEXT_FROM_AUDIO ->
                    f.crossLayers() + " × " + f.heads() + " × Q × K, d_k " + f.dk();
            case MULTI_HEAD -> f.heads() + " × " + f.dk() + " → " + d + ", W^O " + d + " × " + d;
            case FFN -> d + " → " + f.ffnDim() + " → " + d + " (GELU)";
            case SYNC_HEAD, ADDRESSEE_HEAD -> d + " → 1";
            case INTENT_HEAD -> d + " → 9";
            case CONTRASTIVE_HEAD -> d + " → z " + d;
        };
        return live.isEmpty() ? s : s + " · " + live;
    }

    private String liveShape(ArchBlock b) {
        if (b.mapBlock() == null || attention.shownGroup() == null
                || !FUSION.equals(attention.shownGroup().source())) {
            return "";
        }
        for (AttentionMap m : attention.shownGroup().maps()) {
            if (m.block().equals(b.mapBlock())) {
                return m.rows() + " × " + m.cols();
            }
        }
        return "";
    }

    /** "pass i of n" of the chosen source: {i (from 1), n}; {0, 0} without passes. */
    public int[] passPosition() {
        return attention.passPosition();
    }

    /** The shown pass (every map of it) as JSON: one {@code attention} event per map. */
    public String passJson() {
        AttentionViewModel.Group g = attention.shownGroup();
        ArrayNode arr = EventCodec.mapper().createArrayNode();
        if (g != null) {
            for (AttentionMap m : g.maps()) {
                arr.add(EventCodec.toTree(toEvent(m)));
            }
        }
        ObjectNode root = EventCodec.mapper().createObjectNode();
        root.put("source", g == null ? null : g.source());
        root.put("pass", g == null ? 0 : g.utterance());
        root.set("maps", arr);
        try {
            return EventCodec.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static AttentionEvent toEvent(AttentionMap m) {
        return new AttentionEvent(m.t(), m.source(), m.utterance(), m.layer(), m.head(), m.queryAxis(), m.keyAxis(),
                m.queries(), m.keys(), m.weights(), m.scores());
    }

    public AttentionViewModel attention() {
        return attention;
    }

    public LabSignals signals() {
        return signals;
    }

    public SpeakerMapViewModel speakers() {
        return speakers;
    }

    /** Set by the app from the bundled checkpoint; null when it has none. */
    public ObjectProperty<FusionFacts> factsProperty() {
        return facts;
    }

    public ObjectProperty<ArchBlock> pickedProperty() {
        return picked;
    }

    public List<ArchBlock> blocks() {
        return List.of(ArchBlock.values());
    }
}
