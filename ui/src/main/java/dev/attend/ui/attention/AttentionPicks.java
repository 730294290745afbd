package dev.attend.ui.attention;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.ObservableList;

/**
 * The block, layer and head choices a pass offers: blocks in order of arrival, the chosen block's layers and heads
 * sorted, plus the average.
 */
record AttentionPicks(List<String> blocks, List<Integer> layers, List<Integer> heads) {

    /** The choices of a pass; layers and heads are those of {@code block} (else of its first block). */
    static AttentionPicks of(AttentionViewModel.Group shown, String block) {
        List<String> b = new ArrayList<>();
        List<Integer> l = new ArrayList<>();
        List<Integer> h = new ArrayList<>();
        if (shown != null) {
            for (AttentionMap m : shown.maps()) {
                if (!b.contains(m.block())) {
                    b.add(m.block());
                }
            }
            String chosen = b.contains(block) ? block : b.isEmpty() ? null : b.get(0);
            for (AttentionMap m : shown.maps()) {
                if (!m.block().equals(chosen)) {
                    continue;
                }
                if (!l.contains(m.layer())) {
                    l.add(m.layer());
                }
                if (!h.contains(m.head())) {
                    h.add(m.head());
                }
            }
        }
        l.sort(null);
        h.sort(null);
        if (h.size() > 1) {
            h.add(0, AttentionViewModel.AVERAGE);
        }
        return new AttentionPicks(b, l, h);
    }

    /** Sets {@code list} to {@code values} only when they differ (a picker keeps its popup otherwise). */
    static <T> void setIfChanged(ObservableList<T> list, List<T> values) {
        if (!list.equals(values)) {
            list.setAll(values);
        }
    }
}
