package dev.attend.ui.translation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.attend.ui.bridge.EventListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

/**
 * Translations by utterance id, from {@code translation} events; a final replaces a partial. Only the selected
 * pair's translations are kept when a pair is selected (several pairs may run).
 */
public final class TranslationViewModel implements EventListener {

    /** One utterance's translation. */
    public record Translation(int utterance, String pair, boolean settled, String source, String target,
                              List<String> unknown, double latencyMs) {
    }

    private final ObservableMap<Integer, Translation> byUtterance = FXCollections.observableHashMap();
    private final ObservableList<String> pairs = FXCollections.observableArrayList();
    private final ObjectProperty<String> selectedPair = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper unavailable = new ReadOnlyStringWrapper("");

    public TranslationViewModel(TranslationPairs available) {
        pairs.setAll(available.pairs());
        unavailable.set(available.unavailableReason());
    }

    /** Why no pair can be picked (e.g. Apertium is not installed), or "" when pairs exist. */
    public ReadOnlyStringProperty unavailableReasonProperty() {
        return unavailable.getReadOnlyProperty();
    }

    @Override
    public void onEvents(List<JsonNode> batch) {
        for (JsonNode e : batch) {
            String type = e.path("type").asText();
            if ("session.start".equals(type)) {
                byUtterance.keySet().removeIf(id -> id >= 0); // typed sentences (negative ids) stay
            } else if ("translation".equals(type)) {
                String pair = e.path("pair").asText();
                if (!pairs.contains(pair)) {
                    pairs.add(pair); // a pair the running session uses is always pickable
                }
                if (selectedPair.get() == null) {
                    selectedPair.set(pair);
                }
                if (!pair.equals(selectedPair.get())) {
                    continue;
                }
                int id = e.path("utterance").asInt();
                boolean settled = e.path("final").asBoolean();
                Translation old = byUtterance.get(id);
                if (old != null && old.settled() && !settled) {
                    continue;
                }
                List<String> unknown = new ArrayList<>();
                e.path("unknown").forEach(u -> unknown.add(u.asText()));
                byUtterance.put(id, new Translation(id, pair, settled, e.path("source").asText(),
                        e.path("target").asText(), List.copyOf(unknown), e.path("latencyMs").asDouble()));
            }
        }
    }

    /** Forgets every translation (Clear, or a confirmed new session). */
    public void clear() {
        byUtterance.clear();
    }

    public ObservableMap<Integer, Translation> byUtterance() {
        return byUtterance;
    }

    public Map<Integer, Translation> snapshot() {
        return Map.copyOf(byUtterance);
    }

    public ObservableList<String> pairs() {
        return pairs;
    }

    public ObjectProperty<String> selectedPairProperty() {
        return selectedPair;
    }
}
