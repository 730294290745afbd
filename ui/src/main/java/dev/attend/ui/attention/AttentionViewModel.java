package dev.attend.ui.attention;

import dev.attend.event.AttentionEvent;
import dev.attend.event.CoreEvents;
import dev.attend.ui.bridge.EventBridge;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The attention lab's state, generic over {@code attention} events: maps are grouped by (source, utterance) — one
 * forward pass. The lab shows the newest group of the chosen source, or, when frozen, stays on one group and
 * {@link #step} moves through the kept ones. Pickers: source, block (query axis → key axis), layer, head or the
 * average of all heads. Only maps that arrived are shown; nothing is made up. The arithmetic is in
 * {@link AttentionMath}, the pickers' choices in {@link AttentionPicks}, the kept passes in
 * {@link AttentionPasses}.
 */
public final class AttentionViewModel {

    /** Head value meaning "average over all heads". */
    public static final int AVERAGE = -1;

    /** One forward pass of one source. */
    public record Group(String source, int utterance, List<AttentionMap> maps) {
    }

    /** A row of the formula view: key label, raw score, exp(score − max), softmax, weight from the event. */
    public record FormulaRow(String key, double score, double exp, double softmax, double weight) {
    }

    private final AttentionPasses passes = new AttentionPasses();
    private final ObservableList<String> sources = FXCollections.observableArrayList();
    private final ObservableList<String> blocks = FXCollections.observableArrayList();
    private final ObservableList<Integer> layers = FXCollections.observableArrayList();
    private final ObservableList<Integer> heads = FXCollections.observableArrayList();
    private final ObjectProperty<String> source = new SimpleObjectProperty<>();
    private final ObjectProperty<String> block = new SimpleObjectProperty<>();
    private final ObjectProperty<Integer> layer = new SimpleObjectProperty<>();
    private final ObjectProperty<Integer> head = new SimpleObjectProperty<>();
    private final BooleanProperty frozen = new SimpleBooleanProperty();
    private final IntegerProperty selectedRow = new SimpleIntegerProperty(-1);
    private final StringProperty analysisMessage = new SimpleStringProperty("");
    private final BooleanProperty analyzing = new SimpleBooleanProperty();
    private Group shown;
    private boolean pending;
    private boolean updating;
    private long version;

    public AttentionViewModel() {
        source.addListener((o, a, b) -> {
            shown = newest(b);
            updateChoices();
        });
        for (var p : List.of(block, layer, head)) {
            p.addListener((o, a, b) -> version++);
        }
        // layers and heads follow the chosen block (the fusion model's cross blocks have fewer layers)
        block.addListener((o, a, b) -> {
            if (b != null && !updating) {
                updateChoices();
            }
        });
        selectedRow.addListener((o, a, b) -> version++);
        frozen.addListener((o, a, b) -> {
            if (!b) {
                shown = newest(source.get());
                updateChoices();
            }
        });
    }

    /** Follows {@code attention} events; a session start drops the session's passes unless frozen. */
    public void subscribe(EventBridge bridge) {
        bridge.subscribe(CoreEvents.SessionStart.class, e -> {
            if (!frozen.get()) {
                passes.dropSessionPasses();
                rebuildSources();
                shown = newest(source.get());
                updateChoices();
            }
        });
        bridge.subscribe(AttentionEvent.class, e -> {
            AttentionMap m = AttentionMap.of(e);
            if (m != null) {
                add(m);
                if (!frozen.get()) {
                    pending = true;
                }
            }
        });
        // one choice update per batch, not per map (a pass is 72 maps)
        bridge.addBatchListener(batch -> {
            if (pending && !frozen.get()) {
                pending = false;
                shown = newest(source.get());
                updateChoices();
            }
        });
    }

    private void add(AttentionMap m) {
        passes.add(m, shown);
        if (!sources.contains(m.source())) {
            sources.add(m.source());
        }
        if (source.get() == null) {
            source.set(m.source());
        }
    }

    /** "pass i of n" of the chosen source: {i from 1, n}; {0, n} when none of them is shown. */
    public int[] passPosition() {
        List<Group> mine = passes.of(source.get());
        return new int[] {mine.indexOf(shown) + 1, mine.size()};
    }

    private Group newest(String src) {
        return passes.newest(src);
    }

    private void updateChoices() {
        updating = true;
        try {
            choose();
        } finally {
            updating = false;
        }
    }

    private void choose() {
        AttentionPicks p = AttentionPicks.of(shown, block.get());
        List<String> b = p.blocks();
        List<Integer> l = p.layers();
        List<Integer> h = p.heads();
        AttentionPicks.setIfChanged(blocks, b);
        AttentionPicks.setIfChanged(layers, l);
        AttentionPicks.setIfChanged(heads, h);
        if (!b.contains(block.get()) && !b.isEmpty()) {
            block.set(b.get(0));
        }
        if (!l.contains(layer.get()) && !l.isEmpty()) {
            layer.set(l.get(0));
        }
        if (!h.contains(head.get()) && !h.isEmpty()) {
            head.set(h.get(0));
        }
        version++;
    }

    /** Moves the frozen view to the next (+1) or previous (−1) kept pass of the chosen source. */
    public void step(int direction) {
        frozen.set(true);
        List<Group> mine = passes.of(source.get());
        if (mine.isEmpty()) {
            return;
        }
        int i = shown == null ? mine.size() - 1 : mine.indexOf(shown);
        int next = Math.max(0, Math.min(mine.size() - 1, (i < 0 ? mine.size() - 1 : i) + direction));
        shown = mine.get(next);
        selectedRow.set(-1);
        updateChoices();
    }

    /**
     * The map on screen for the current picks: the event itself, or for {@link #AVERAGE} the mean of all heads'
     * weights (scores are then not shown: they have no meaning averaged).
     */
    public AttentionMap current() {
        if (shown == null || layer.get() == null || head.get() == null || block.get() == null) {
            return null;
        }
        List<AttentionMap> ms = shown.maps().stream()
                .filter(m -> m.layer() == layer.get() && m.block().equals(block.get())).toList();
        if (head.get() != AVERAGE) {
            return ms.stream().filter(m -> m.head() == head.get()).findFirst().orElse(null);
        }
        return AttentionMath.averageHeads(ms);
    }

    /**
     * The formula behind the selected query row: the event's scores (q·k/√d + mask), exp(s − max), their softmax
     * and the event's weights, which should agree. Keys a causal map hides from the query get exp 0. Empty without
     * a selection or without scores.
     */
    public List<FormulaRow> formula() {
        return AttentionMath.formula(current(), selectedRow.get());
    }

    public void clear() {
        passes.clear();
        shown = null;
        sources.clear();
        source.set(null);
        selectedRow.set(-1);
        // cleared picks, so the next pass's first layer/head/block is a change the pickers show
        block.set(null);
        layer.set(null);
        head.set(null);
        updateChoices();
    }

    /** A confirmed new session: everything goes. */
    public void clearSession() {
        clear();
    }

    private void rebuildSources() {
        List<String> s = passes.sources();
        sources.setAll(s);
        if (!s.contains(source.get())) {
            source.set(s.isEmpty() ? null : s.get(0));
        }
        if (shown != null && !passes.contains(shown)) {
            shown = null;
        }
    }

    /** Summary for tests and the status: maps per source kept. */
    public Map<String, Integer> counts() {
        return passes.counts();
    }

    public Group shownGroup() {
        return shown;
    }

    public ObservableList<String> sources() {
        return sources;
    }

    public ObservableList<String> blocks() {
        return blocks;
    }

    public ObservableList<Integer> layers() {
        return layers;
    }

    public ObservableList<Integer> heads() {
        return heads;
    }

    public ObjectProperty<String> sourceProperty() {
        return source;
    }

    public ObjectProperty<String> blockProperty() {
        return block;
    }

    public ObjectProperty<Integer> layerProperty() {
        return layer;
    }

    public ObjectProperty<Integer> headProperty() {
        return head;
    }

    public BooleanProperty frozenProperty() {
        return frozen;
    }

    public IntegerProperty selectedRowProperty() {
        return selectedRow;
    }

    /** What became of the last typed-text analysis (an error, or "" when it worked). */
    public StringProperty analysisMessageProperty() {
        return analysisMessage;
    }

    /** True while a typed sentence is being analysed. */
    public BooleanProperty analyzingProperty() {
        return analyzing;
    }

    /** Changes whenever what is on screen would change. */
    public long version() {
        return version;
    }
}
