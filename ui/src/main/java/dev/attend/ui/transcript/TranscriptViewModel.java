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
 * the final settles it (words with times and confidences). Utterances stay in id order.
 */
public final class TranscriptViewModel implements EventListener {

    private final ObservableList<Utterance> utterances = FXCollections.observableArrayList();
    private final javafx.collections.ObservableMap<String, String> speakerNames = FXCollections.observableHashMap();
    private final Map<Integer, Integer> index = new HashMap<>();
    private final ReadOnlyStringWrapper selectedWord = new ReadOnlyStringWrapper("");
    private final BooleanProperty modelMissing = new SimpleBooleanProperty();

    @Override
    public void onEvents(List<JsonNode> batch) {
        // coalesce: only the newest partial per utterance in a batch matters
        Map<Integer, JsonNode> partials = new HashMap<>();
        for (JsonNode e : batch) {
            switch (e.path("type").asText()) {
                case "session.start" -> {
                    clear();
                    partials.clear();
                }
                case "asr.partial" -> partials.put(e.path("utterance").asInt(), e);
                case "asr.final" -> {
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
                e.path("text").asText(), true, e.path("confidence").asDouble(Double.NaN), words,
                e.path("speaker").isTextual() ? e.path("speaker").asText() : null);
    }

    private void put(Utterance u) {
        Integer at = index.get(u.id());
        if (at != null) {
            utterances.set(at, u);
            return;
        }
        int pos = utterances.size();
        while (pos > 0 && utterances.get(pos - 1).id() > u.id()) {
            pos--;
        }
        utterances.add(pos, u);
        index.clear();
        for (int i = 0; i < utterances.size(); i++) {
            index.put(utterances.get(i).id(), i);
        }
    }

    public void clear() {
        utterances.clear();
        index.clear();
        selectedWord.set("");
    }

    /** Shows a clicked word's time span and confidence. */
    public void select(Utterance.Word w) {
        selectedWord.set(String.format("\"%s\"  %.2f–%.2f s  confidence %.2f", w.word(), w.start(), w.end(),
                w.conf()));
    }

    public ObservableList<Utterance> utterances() {
        return FXCollections.unmodifiableObservableList(utterances);
    }

    /** Settled utterances only, for export. */
    public List<Utterance> finals() {
        return utterances.stream().filter(Utterance::settled)
                .map(u -> u.speaker() == null ? u : u.withSpeaker(speakerName(u.speaker()))).toList();
    }

    /** Names the user gave speaker labels ("Speaker 1" → "Ann"); every line of that label follows. */
    public javafx.collections.ObservableMap<String, String> speakerNames() {
        return speakerNames;
    }

    /** The name shown for a speaker label. */
    public String speakerName(String label) {
        return speakerNames.getOrDefault(label, label);
    }

    /** Renames a speaker label (blank: back to the label). */
    public void renameSpeaker(String label, String name) {
        if (name == null || name.isBlank() || name.strip().equals(label)) {
            speakerNames.remove(label);
        } else {
            speakerNames.put(label, name.strip());
        }
    }

    public ReadOnlyStringProperty selectedWordProperty() {
        return selectedWord.getReadOnlyProperty();
    }

    /** True when no Vosk model is installed: the pane offers the model manager. */
    public BooleanProperty modelMissingProperty() {
        return modelMissing;
    }
}
