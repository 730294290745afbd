package dev.attend.history;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Marks the query's words in a hit's text, the way the FTS5 index compares them (case and accents ignored). Done here
 * rather than with FTS5's snippet(), which re-runs the match per row and cost ~5 ms a hit for common words.
 */
final class Snippets {

    static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final int CONTEXT = 12;

    private Snippets() {
    }

    static String fold(String word) {
        return MARKS.matcher(Normalizer.normalize(word, Normalizer.Form.NFD)).replaceAll("").toLowerCase(Locale.ROOT);
    }

    static boolean contains(String text, Set<String> folded) {
        Matcher m = TOKEN.matcher(text == null ? "" : text);
        while (m.find()) {
            if (folded.contains(fold(m.group()))) {
                return true;
            }
        }
        return false;
    }

    /** {@code text} with matched words between the marks, cut to ±{@value #CONTEXT} words around the first one. */
    static String mark(String text, Set<String> folded, char open, char close) {
        List<int[]> words = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        int first = -1;
        while (m.find()) {
            boolean hit = folded.contains(fold(m.group()));
            if (hit && first < 0) {
                first = words.size();
            }
            words.add(new int[] {m.start(), m.end(), hit ? 1 : 0});
        }
        if (words.isEmpty()) {
            return text;
        }
        int from = Math.max(0, (first < 0 ? 0 : first) - CONTEXT);
        int to = Math.min(words.size() - 1, from + 2 * CONTEXT);
        int startChar = from == 0 ? 0 : words.get(from)[0];
        int endChar = to == words.size() - 1 ? text.length() : words.get(to)[1];
        StringBuilder sb = new StringBuilder(from == 0 ? "" : "…");
        int at = startChar;
        for (int i = from; i <= to; i++) {
            int[] w = words.get(i);
            sb.append(text, at, w[0]);
            if (w[2] == 1) {
                sb.append(open).append(text, w[0], w[1]).append(close);
            } else {
                sb.append(text, w[0], w[1]);
            }
            at = w[1];
        }
        sb.append(text, at, endChar);
        if (endChar < text.length()) {
            sb.append('…');
        }
        return sb.toString();
    }
}
