package dev.attend.ui.transcript;

import dev.attend.event.AsrEvents;
import dev.attend.event.CoreEvents;
import dev.attend.event.TypedTextEvent;
import dev.attend.ui.bridge.EventBridge;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The transcript from {@code asr.partial} and {@code asr.final} events: partials update their utterance in place,
 * the final settles it (words with times and confidences); {@code text.typed} events (origin captions) add typed
 * rows. Rows stay in the order they first appeared, so a typed sentence sits where it was typed, between the
 * session's utterances.
 */
public final class TranscriptViewModel {

    private final ObservableList<Utterance> utterances = FXCollections.observableArrayList();
    private final javafx.collections.ObservableMap<String, String> speakerNames = FXCollections.observableHashMap();
    // one wrapper for everyone: a new one per call would hold its listeners only weakly and lose them to the GC
    private final ObservableList<Utterance> readOnly = FXCollections.unmodifiableObservableList(utterances);
    private final Map<Integer, Integer> index = new HashMap<>();
    private final ReadOnlyStringWrapper selectedWord = new ReadOnlyStringWrapper("");
    private final BooleanProperty modelMissing = new SimpleBooleanProperty();
    private final javafx.beans.property.ObjectProperty<Utterance.Word> selected =
            new javafx.beans.property.SimpleObjectProperty<>();
    private final javafx.beans.property.ReadOnlyBooleanWrapper heardSpeech =
            new javafx.beans.property.ReadOnlyBooleanWrapper();
    /** Speaker vectors of this session's finals, by utterance id (for "This is me"). */
    private final Map<Integer, float[]> speakerVectors = new HashMap<>();
    private SpeakerEnroller enroller;
    /** Set by a seek: the next session start keeps the rows. */
    private boolean keepOnNextStart;
    /** Rows of more than one pass over the file: re-recognised ranges replace their old rows, rows go by time. */
    private boolean seeked;

    /** Follows the session's speech: partials update their row in place, the final settles it. */
    public void subscribe(EventBridge bridge) {
        // typed rows are the user's work: only Clear or a confirmed new session drop them
        bridge.subscribe(CoreEvents.SessionStart.class, e -> {
            if (keepOnNextStart) {
                keepOnNextStart = false; // a seek's session: the rows the user has stay
            } else {
                removeIf(u -> !u.typed());
            }
        });
        bridge.subscribe(AsrEvents.Partial.class, this::onPartial);
        bridge.subscribe(AsrEvents.Final.class, this::onFinal);
        bridge.subscribe(AsrEvents.Relabel.class, this::onRelabel);
        bridge.subscribe(TypedTextEvent.class, e -> {
            if (e.isCaptionsRow()) {
                addTyped(e.utterance(), e.text(), e.t());
            }
        });
    }

    private void onPartial(AsrEvents.Partial p) {
        heardSpeech.set(true);
        Integer at = index.get(p.utterance());
        if (at != null && utterances.get(at).settled()) {
            return; // a late partial never un-settles a final
        }
        double start = at != null ? utterances.get(at).start() : p.t();
        put(new Utterance(p.utterance(), start, Double.NaN, p.text(), false, Double.NaN, List.of()));
    }

    private void onFinal(AsrEvents.Final e) {
        heardSpeech.set(true);
        if (e.speaker() != null && e.speakerVector() != null) {
            speakerVectors.put(e.utterance(), e.speakerVector());
        } else {
            speakerVectors.remove(e.utterance());
        }
        put(fromFinal(e));
    }

    /** The session's clustering moved a shown line to another speaker label: the line follows. */
    private void onRelabel(AsrEvents.Relabel r) {
        Integer at = index.get(r.utterance());
        if (at != null && utterances.get(at).settled() && !utterances.get(at).typed()) {
            utterances.set(at, utterances.get(at).withSpeaker(r.speaker()));
        }
    }

    static Utterance fromFinal(AsrEvents.Final e) {
        List<Utterance.Word> words = new ArrayList<>();
        for (AsrEvents.Word w : e.words()) {
            words.add(new Utterance.Word(w.word(), w.start(), w.end(), w.conf()));
        }
        return new Utterance(e.utterance(), e.t(), e.end(), e.text(), true, e.confidence(), words, e.speaker());
    }

    private void put(Utterance u) {
        if (seeked && !u.typed()) {
            replaceOverlapped(u);
        }
        Integer at = index.get(u.id());
        if (at != null) {
            utterances.set(at, u);
            return;
        }
        // recognized utterances keep id order among themselves; a typed row stays where it was typed
        int pos = utterances.size();
        while (!u.typed() && pos > 0 && !utterances.get(pos - 1).typed() && after(utterances.get(pos - 1), u)) {
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

    /** Within one pass ids follow time; after a seek the earlier passes' rows go by media time. */
    private boolean after(Utterance a, Utterance b) {
        return seeked ? a.start() > b.start() : a.id() > b.id();
    }

    /** A row of a later pass replaces the earlier passes' rows its time span overlaps (no duplicates). */
    private void replaceOverlapped(Utterance u) {
        double s = u.start();
        double e = end(u);
        removeIf(r -> !r.typed() && r.id() < u.id() && r.start() < e && s < end(r));
    }

    private static double end(Utterance u) {
        return Double.isNaN(u.end()) ? u.start() : u.end();
    }

    /**
     * A seek: the rows stay, except an utterance still in progress (its partial; the new pass hears it again
     * when it plays). The seek's session numbers its utterances after these (see the session's view-model).
     */
    public void continueAfterSeek() {
        keepOnNextStart = true;
        seeked = true;
        removeIf(u -> !u.settled());
    }

    private void removeIf(java.util.function.Predicate<Utterance> p) {
        if (utterances.removeIf(p)) {
            index.clear();
            for (int i = 0; i < utterances.size(); i++) {
                index.put(utterances.get(i).id(), i);
            }
            speakerVectors.keySet().retainAll(index.keySet());
        }
        if (utterances.isEmpty()) {
            heardSpeech.set(false);
        }
    }

    /**
     * A typed sentence as a settled row at media time {@code t} (its translation arrives under the same id); the
     * bridge's {@code text.typed} events come here.
     */
    public void addTyped(int id, String text, double t) {
        put(new Utterance(id, t, t, text, true, Double.NaN, List.of(), true));
    }

    /** Empties the transcript (Clear, or a confirmed new session). */
    public void clear() {
        seeked = false;
        keepOnNextStart = false;
        utterances.clear();
        index.clear();
        speakerVectors.clear();
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

    /** Where "This is me" keeps enrolled voices; null (the default) turns enrolment off. */
    public void setEnroller(SpeakerEnroller enroller) {
        this.enroller = enroller;
    }

    /** How many of this session's lines of {@code label} carry a speaker vector. */
    public int enrollableUtterances(String label) {
        int n = 0;
        for (Utterance u : utterances) {
            n += label.equals(u.speaker()) && speakerVectors.containsKey(u.id()) ? 1 : 0;
        }
        return n;
    }

    /** True when "This is me" can enrol {@code label}: an enroller is set and the label has vectors. */
    public boolean canEnroll(String label) {
        return enroller != null && enrollableUtterances(label) > 0;
    }

    /**
     * "This is me": enrols the voice of every line labelled {@code label} under {@code name} (the profile is the
     * mean direction of their vectors, as {@code attend speakers enroll} makes it), stores it, and shows those lines
     * under that name. Later sessions recognise the voice by name.
     *
     * @throws IllegalArgumentException a name that is empty, too long or looks like an automatic label
     * @throws IllegalStateException    enrolment is off or the label has no speaker vectors
     * @throws java.io.IOException      the profile could not be stored (nothing changed)
     */
    public dev.attend.speaker.SpeakerProfile enrollSpeaker(String label, String name) throws java.io.IOException {
        String n = dev.attend.speaker.SpeakerProfile.checkEnrolmentName(name);
        if (enroller == null) {
            throw new IllegalStateException("speaker enrolment is not available in this window");
        }
        List<float[]> vectors = new ArrayList<>();
        for (Utterance u : utterances) {
            float[] v = label.equals(u.speaker()) ? speakerVectors.get(u.id()) : null;
            if (v != null) {
                vectors.add(v);
            }
        }
        if (vectors.isEmpty()) {
            throw new IllegalStateException("no line of " + label + " has a speaker vector to enrol");
        }
        var profile = new dev.attend.speaker.SpeakerProfile(n,
                dev.attend.speaker.SpeakerVectors.meanDirection(vectors), vectors.size(), java.time.Instant.now(),
                enroller.vectors());
        enroller.save(profile);
        renameSpeaker(label, n);
        return profile;
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
