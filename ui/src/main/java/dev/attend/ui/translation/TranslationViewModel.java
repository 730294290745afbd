package dev.attend.ui.translation;

import dev.attend.event.CoreEvents;
import dev.attend.event.TranslationEvent;
import dev.attend.event.TypedTextEvent;
import dev.attend.ui.bridge.EventBridge;
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
public final class TranslationViewModel {

    /** One utterance's translation. */
    public record Translation(int utterance, String pair, boolean settled, String source, String target,
                              List<String> unknown, double latencyMs) {
    }

    private final ObservableMap<Integer, Translation> byUtterance = FXCollections.observableHashMap();
    private final ObservableList<String> pairs = FXCollections.observableArrayList();
    private final ObjectProperty<String> selectedPair = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper unavailable = new ReadOnlyStringWrapper("");
    private boolean keepOnNextStart;

    public TranslationViewModel(TranslationPairs available) {
        pairs.setAll(available.pairs());
        unavailable.set(available.unavailableReason());
    }

    /** Why no pair can be picked (e.g. Apertium is not installed), or "" when pairs exist. */
    public ReadOnlyStringProperty unavailableReasonProperty() {
        return unavailable.getReadOnlyProperty();
    }

    /** Follows the session's translations; a session start keeps the typed sentences' (the user's work). */
    public void subscribe(EventBridge bridge) {
        bridge.subscribe(CoreEvents.SessionStart.class, e -> {
            if (keepOnNextStart) {
                keepOnNextStart = false; // a seek's session: the kept rows keep their translations
            } else {
                byUtterance.keySet().removeIf(id -> !TypedTextEvent.isTyped(id));
            }
        });
        bridge.subscribe(TranslationEvent.class, this::onTranslation);
    }

    private void onTranslation(TranslationEvent e) {
        String pair = e.pair();
        if (!pairs.contains(pair)) {
            pairs.add(pair); // a pair the running session uses is always pickable
        }
        if (selectedPair.get() == null) {
            selectedPair.set(pair);
        }
        if (!pair.equals(selectedPair.get())) {
            return;
        }
        Translation old = byUtterance.get(e.utterance());
        if (old != null && old.settled() && !e.isFinal()) {
            return;
        }
        byUtterance.put(e.utterance(), new Translation(e.utterance(), pair, e.isFinal(), e.source(), e.target(),
                e.unknown() == null ? List.of() : List.copyOf(e.unknown()), e.latencyMs()));
    }

    /** A seek: the next session start keeps the translations (the transcript keeps its rows). */
    public void continueAfterSeek() {
        keepOnNextStart = true;
    }

    /** Forgets every translation (Clear, or a confirmed new session). */
    public void clear() {
        keepOnNextStart = false;
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
