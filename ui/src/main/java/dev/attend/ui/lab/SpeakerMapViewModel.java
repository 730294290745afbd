package dev.attend.ui.lab;

import dev.attend.event.AsrEvents;
import dev.attend.event.CoreEvents;
import dev.attend.ui.bridge.EventBridge;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The session's speaker vectors (the x-vector on each {@code asr.final}) in 2-D by PCA, one colour per speaker:
 * the seed's representation learning on the room's own voices. Projected again whenever a vector arrives (a
 * session has tens of utterances, so that is cheap).
 */
public final class SpeakerMapViewModel {

    /** One utterance on the map. */
    public record Dot(int utterance, String speaker, String text, double x, double y) {
    }

    private static final int KEEP = 400;
    private final List<AsrEvents.Final> finals = new ArrayList<>();
    private List<Dot> dots = List.of();
    private final Map<String, Integer> colours = new LinkedHashMap<>();
    private long version;

    public void subscribe(EventBridge bridge) {
        bridge.subscribe(CoreEvents.SessionStart.class, e -> clear());
        bridge.subscribe(AsrEvents.Final.class, this::add);
        bridge.subscribe(AsrEvents.Relabel.class, this::relabel);
    }

    /** The session's clustering moved an utterance to another speaker: its dot takes that speaker's colour. */
    public void relabel(AsrEvents.Relabel r) {
        for (int i = 0; i < finals.size(); i++) {
            if (finals.get(i).utterance() == r.utterance()) {
                finals.set(i, finals.get(i).withSpeaker(r.speaker()));
                project();
                return;
            }
        }
    }

    /** Adds an utterance with a speaker vector (others are ignored); a repeated utterance id replaces the old one. */
    public void add(AsrEvents.Final f) {
        if (f.speakerVector() == null || f.speakerVector().length == 0) {
            return;
        }
        finals.removeIf(x -> x.utterance() == f.utterance());
        if (!finals.isEmpty() && finals.get(0).speakerVector().length != f.speakerVector().length) {
            return; // another model's vectors do not share a space
        }
        finals.add(f);
        if (finals.size() > KEEP) {
            finals.remove(0);
        }
        project();
    }

    private void project() {
        double[][] p = Pca.project2(finals.stream().map(AsrEvents.Final::speakerVector).toList());
        List<Dot> d = new ArrayList<>();
        for (int i = 0; i < finals.size(); i++) {
            AsrEvents.Final f = finals.get(i);
            String who = f.speaker() == null ? "?" : f.speaker();
            colours.computeIfAbsent(who, k -> colours.size());
            d.add(new Dot(f.utterance(), who, f.text(), p[i][0], p[i][1]));
        }
        dots = List.copyOf(d);
        version++;
    }

    /** A renamed speaker keeps its colour under the new name. */
    public void rename(String from, String to) {
        for (int i = 0; i < finals.size(); i++) {
            AsrEvents.Final f = finals.get(i);
            if (from.equals(f.speaker())) {
                finals.set(i, f.withSpeaker(to));
            }
        }
        Integer c = colours.remove(from);
        if (c != null) {
            colours.putIfAbsent(to, c);
        }
        project();
    }

    public void clear() {
        finals.clear();
        dots = List.of();
        colours.clear();
        version++;
    }

    public List<Dot> dots() {
        return dots;
    }

    /** Colour index of a speaker (in order of first appearance). */
    public int colourOf(String speaker) {
        return colours.getOrDefault(speaker, 0);
    }

    public List<String> speakers() {
        return List.copyOf(colours.keySet());
    }

    public long version() {
        return version;
    }
}
