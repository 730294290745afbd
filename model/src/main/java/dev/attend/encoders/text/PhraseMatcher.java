package dev.attend.encoders.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Matches a query against a fixed set of phrases (e.g. intent examples) by cosine similarity of MiniLM sentence
 * embeddings. The phrases are embedded once here; the encoder stays owned by the caller.
 */
public final class PhraseMatcher {

    /** A phrase and how similar it is to the query. */
    public record Match(int index, String phrase, double score) {
    }

    private final MiniLm encoder;
    private final List<String> phrases;
    private final List<float[]> vectors;

    public PhraseMatcher(MiniLm encoder, List<String> phrases) {
        if (phrases.isEmpty()) {
            throw new IllegalArgumentException("no phrases to match against");
        }
        this.encoder = encoder;
        this.phrases = List.copyOf(phrases);
        this.vectors = new ArrayList<>(phrases.size());
        for (String p : this.phrases) {
            vectors.add(encoder.embed(p));
        }
    }

    public List<String> phrases() {
        return phrases;
    }

    /** The {@code k} best phrases for {@code query}, best first (ties keep phrase order). */
    public List<Match> topK(String query, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, not " + k);
        }
        float[] q = encoder.embed(query);
        List<Match> all = new ArrayList<>(phrases.size());
        for (int i = 0; i < phrases.size(); i++) {
            all.add(new Match(i, phrases.get(i), TextSimilarity.cosine(q, vectors.get(i))));
        }
        all.sort(Comparator.comparingDouble(Match::score).reversed());
        return List.copyOf(all.subList(0, Math.min(k, all.size())));
    }

    /** The best phrase for {@code query}. */
    public Match best(String query) {
        return topK(query, 1).get(0);
    }
}
