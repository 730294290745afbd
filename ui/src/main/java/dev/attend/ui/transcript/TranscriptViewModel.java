package dev.attend.ui.transcript;

import com.fasterxml.jackson.databind.JsonNode;
import dev.attend.ui.bridge.EventListener;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The transcript from {@code asr.partial} and {@code asr.final} events: partials update their utterance in place,
 * the final settles it (words with times and confidences). Rows stay in the order they first appeared, so a
 * typed sentence sits where it was typed, between the session's utterances.
 */
public final class TranscriptViewModel implements EventListener {

    private final ObservableList<Utterance> utterances = FXCollections.observableArrayList();
    // one wrapper for everyone: a new one per call would hold its listeners only weakly and lose them to the GC
    private final ObservableList<Utterance> readOnly = FXCollections.unmodifiableObservableList(utterances);
    private final Map<Integer, Integer> index = new HashMap<>();
    private final ReadOnlyStringWrapper selectedWord = new ReadOnlyStringWrapper("");
    private final BooleanProperty modelMissing = new SimpleBooleanProperty();
    private final javafx.beans.property.ObjectProperty<Utterance.Word> selected =
            new javafx.beans.property.SimpleObjectProperty<>();
    private final javafx.beans.property.ReadOnlyBooleanWrapper heardSpeech =
            new javafx.beans.property.ReadOnlyBooleanWrapper();

    @Override
    public void onEvents(List<JsonNode> batch) {
        // coalesce: only the newest partial per utterance in a batch matters
        Map<Integer, JsonNode> partials = new HashMap<>();
        for (JsonNode e : batch) {
            switch (e.path("type").asText()) {
                case "session.start" -> {
                    removeIf(u -> !u.typed()); // typed rows are the user's work: only Clear or a new session drop them
                    partials.clear();
                }
                case "asr.partial" -> {
                    partials.put(e.path("utterance").asInt(), e);
                    heardSpeech.set(true);
                }
                case "asr.final" -> {
                    heardSpeech.set(true);
                    int id = e.path("utterance").asInt();
                    partials.remove(id);
                    put(parseFinal(e));
                }
                default -> { }
            }
        }
        for (JsonNode p : partials.values()) {
            int id = p.path("utterance").asInt();
            Integer at = index.get(id);
            if (at != null && utterances.get(at).settled()) {
                continue; // a late partial never un-settles a final
            }
            double start = at != null ? utterances.get(at).start() : p.path("t").asDouble();
            put(new Utterance(id, start, Double.NaN, p.path("text").asText(), false, Double.NaN, List.of()));
        }
    }

    static Utterance parseFinal(JsonNode e) {
        List<Utterance.Word> words = new ArrayList<>();
        for (JsonNode w : e.path("words")) {
            words.add(new Utterance.Word(w.path("word").asText(), w.path("start").asDouble(),
                    w.path("end").asDouble(), w.path("conf").asDouble(1)));
        }
        return new Utterance(e.path("utterance").asInt(), e.path("t").asDouble(), e.path("end").asDouble(),
                e.path("text").asText(), true, e.path("confidence").asDouble(Double.NaN), words);
    }

    private void put(Utterance u) {
        Integer at = index.get(u.id());
        if (at != null) {
            utterances.set(at, u);
            return;
        }
        // recognized utterances keep id order among themselves; a typed row stays where it was typed
        int pos = utterances.size();
        while (!u.typed() && pos > 0 && !utterances.get(pos - 1).typed() && utterances.get(pos - 1).id() > u.id()) {
            pos--;
        }
        utterances.add(pos, u);
        if (pos == utterances.size() - 1) {
            index.put(u.id(), pos);
        } else {
            index.clear();
            for (int i = 0; i < utterances.size(); i++) {
                index.put(utterances.get(i).id(), i);
            }
        }
    }

    private void removeIf(java.util.function.Predicate<Utterance> p) {
        if (utterances.removeIf(p)) {
            index.clear();
            for (int i = 0; i < utterances.size(); i++) {
                index.put(utterances.get(i).id(), i);
            }
        }
        if (utterances.isEmpty()) {
            heardSpeech.set(false);
        }
    }

    /** A typed sentence as a settled row at media time {@code t} (its translation arrives under the same id). */
    public void addTyped(int id, String text, double t) {
        put(new Utterance(id, t, t, text, true, Double.NaN, List.of(), true));
    }

    /** Empties the transcript (Clear, or a confirmed new session). */
    public void clear() {
        utterances.clear();
        index.clear();
        selectedWord.set("");
        selected.set(null);
        heardSpeech.set(false);
    }

    /** A new session: everything goes (the user confirmed). */
    public void clearSession() {
        clear();
    }

    /** True once this session produced recognized speech (a replay may carry captions without a model here). */
    public javafx.beans.property.ReadOnlyBooleanProperty heardSpeechProperty() {
        return heardSpeech.getReadOnlyProperty();
    }

    /** Shows a clicked word's time span and confidence. */
    public void select(Utterance.Word w) {
        selected.set(w);
        selectedWord.set(String.format("\"%s\"  %.2f–%.2f s  confidence %.2f", w.word(), w.start(), w.end(),
                w.conf()));
    }

    public ObservableList<Utterance> utterances() {
        return readOnly;
    }

    /** Settled utterances and typed rows in screen order, for export. */
    public List<Utterance> finals() {
        return utterances.stream().filter(Utterance::settled).toList();
    }

    /** The clicked word (null when none); the view words it in the UI language. */
    public javafx.beans.property.ReadOnlyObjectProperty<Utterance.Word> selectedProperty() {
        return selected;
    }

    public ReadOnlyStringProperty selectedWordProperty() {
        return selectedWord.getReadOnlyProperty();
    }

    /** True when no Vosk model is installed: the pane offers the model manager. */
    public BooleanProperty modelMissingProperty() {
        return modelMissing;
    }
}
