package dev.attend.translate;

/**
 * The part of a growing partial transcript that has settled: the words two consecutive partials agree on, cut at a
 * word boundary (a word counts only once something follows it in the newer partial, since the last word may still
 * change).
 */
final class StablePrefix {

    private StablePrefix() {
    }

    /** The settled prefix of {@code current} given the partial before it (null: none); "" when nothing settled. */
    static String of(String previous, String current) {
        if (previous == null || current == null) {
            return "";
        }
        String[] prev = words(previous);
        String[] cur = words(current);
        int n = 0;
        int limit = Math.min(prev.length, cur.length - 1);
        while (n < limit && prev[n].equals(cur[n])) {
            n++;
        }
        return n == 0 ? "" : String.join(" ", java.util.Arrays.copyOf(cur, n));
    }

    static int wordCount(String s) {
        return words(s).length;
    }

    private static String[] words(String s) {
        String t = s.strip();
        return t.isEmpty() ? new String[0] : t.split("\\s+");
    }
}
