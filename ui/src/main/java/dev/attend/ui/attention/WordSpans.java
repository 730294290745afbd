package dev.attend.ui.attention;

import dev.attend.ui.transcript.Utterance;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Vosk word spans for maps whose key axis is media time: all of them as marks on the time axis, and for a map
 * whose queries are words (text→audio) each query row's own word, so each row shows where its word was spoken.
 */
public final class WordSpans {

    private WordSpans() {
    }

    /**
     * Spans [start, end] of the words of the same utterance, or for the fusion model's maps (numbered by step, not
     * utterance) of every final word inside the map's time span.
     */
    public static List<double[]> marks(AttentionMap m, List<Utterance> finals) {
        List<double[]> marks = new ArrayList<>();
        for (Utterance.Word w : words(m, finals)) {
            marks.add(new double[] {w.start(), w.end()});
        }
        return marks;
    }

    /**
     * For a map with words as queries and media time as keys: row i's word span [start, end], or null where no
     * final word of that text is in the map's time span. Words are matched in order, so a repeated word gets its
     * own occurrence. Empty for other maps.
     */
    public static List<double[]> rows(AttentionMap m, List<Utterance> finals) {
        if (!"text".equals(m.queryAxis())) {
            return List.of();
        }
        List<Utterance.Word> ws = words(m, finals);
        double[][] out = new double[m.rows()][];
        int from = 0;
        for (int i = 0; i < m.rows() && i < m.queries().size(); i++) {
            String q = norm(m.queries().get(i));
            for (int k = from; k < ws.size(); k++) {
                if (norm(ws.get(k).word()).equals(q)) {
                    out[i] = new double[] {ws.get(k).start(), ws.get(k).end()};
                    from = k + 1;
                    break;
                }
            }
        }
        return Arrays.asList(out);
    }

    private static List<Utterance.Word> words(AttentionMap m, List<Utterance> finals) {
        double[] kt = m.keyTimes();
        if (kt == null || "tokens".equals(m.keyAxis())) {
            return List.of();
        }
        boolean byTime = "fusion".equals(m.source()) && kt.length > 1;
        // a key's time is the end of the step it covers: the map spans [t_0 − step, t_last]
        double from = byTime ? kt[0] - (kt[kt.length - 1] - kt[0]) / (kt.length - 1) : 0;
        double to = byTime ? kt[kt.length - 1] : 0;
        List<Utterance.Word> out = new ArrayList<>();
        for (Utterance u : finals) {
            if (byTime || u.id() == m.utterance()) {
                for (Utterance.Word w : u.words()) {
                    if (!byTime || w.end() > from && w.start() < to) {
                        out.add(w);
                    }
                }
            }
        }
        return out;
    }

    private static String norm(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }
}
