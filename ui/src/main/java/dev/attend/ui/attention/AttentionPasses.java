package dev.attend.ui.attention;

import dev.attend.ui.attention.AttentionViewModel.Group;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The kept forward passes of every source, oldest first: maps grouped by (source, utterance), at most
 * {@link #KEEP} per source (a fast source must not push out a slow one's). Knows which pass is newest and
 * complete; knows nothing of pickers or properties.
 */
final class AttentionPasses {

    static final int KEEP = 24;
    private final List<Group> groups = new ArrayList<>();

    /**
     * Adds a map to its pass (a new one when it is the first of its pass); a repeated layer/head/block in a pass
     * replaces the old one. {@code shown} is never trimmed away.
     */
    void add(AttentionMap m, Group shown) {
        Group g = null;
        for (int i = groups.size() - 1; i >= 0 && i >= groups.size() - 4; i--) {
            Group c = groups.get(i);
            if (c.source().equals(m.source()) && c.utterance() == m.utterance()) {
                g = c;
                break;
            }
        }
        if (g == null) {
            g = new Group(m.source(), m.utterance(), new ArrayList<>());
            groups.add(g);
            trim(m.source(), shown);
        }
        g.maps().removeIf(x -> x.layer() == m.layer() && x.head() == m.head() && x.block().equals(m.block()));
        g.maps().add(m);
    }

    private void trim(String src, Group shown) {
        List<Group> mine = of(src);
        for (int i = 0; i < mine.size() - KEEP; i++) {
            if (mine.get(i) != shown) {
                groups.remove(mine.get(i));
            }
        }
    }

    /** The kept passes of one source, oldest first. */
    List<Group> of(String src) {
        List<Group> mine = new ArrayList<>();
        for (Group g : groups) {
            if (g.source().equals(src)) {
                mine.add(g);
            }
        }
        return mine;
    }

    /**
     * The newest complete pass of a source. A streaming source's newest pass may still be arriving (a pulse can
     * end between its maps), so it is taken only once it has as many maps as the pass before it; else that one.
     */
    Group newest(String src) {
        Group newest = null;
        for (int i = groups.size() - 1; i >= 0; i--) {
            if (groups.get(i).source().equals(src)) {
                if (newest == null) {
                    newest = groups.get(i);
                } else {
                    return newest.maps().size() >= groups.get(i).maps().size() ? newest : groups.get(i);
                }
            }
        }
        return newest;
    }

    /** Drops the passes a session made; the typed sentences' passes (text.typed ids) are the user's work. */
    void dropSessionPasses() {
        groups.removeIf(g -> !dev.attend.event.TypedTextEvent.isTyped(g.utterance()));
    }

    boolean contains(Group g) {
        return groups.contains(g);
    }

    List<String> sources() {
        return groups.stream().map(Group::source).distinct().toList();
    }

    void clear() {
        groups.clear();
    }

    /** Maps kept per source. */
    Map<String, Integer> counts() {
        Map<String, Integer> c = new LinkedHashMap<>();
        groups.forEach(g -> c.merge(g.source(), g.maps().size(), Integer::sum));
        return c;
    }
}
