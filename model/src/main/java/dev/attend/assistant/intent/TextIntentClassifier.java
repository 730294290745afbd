package dev.attend.assistant.intent;

import dev.attend.encoders.text.TextSimilarity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Intent by sentence-embedding similarity: the command's MiniLM vector against every example phrase; an intent's
 * score is its best phrase's cosine, and a softmax over intents (temperature {@link #TEMPERATURE}) makes them
 * probabilities. Phrases come from a supplier (the user's {@link PhraseFile} is checked for changes on each call);
 * phrase vectors are cached by text, so an edit only embeds the new lines.
 */
public final class TextIntentClassifier {

    /** Softmax temperature over best cosines: 0.05 turns a 0.1 cosine lead into e² ≈ 7.4× the probability. */
    public static final double TEMPERATURE = 0.05;
    /** Longer commands are also scored by their first 4 and 5 words (the command part, before its free text). */
    static final int PREFIX_WORDS = 5;

    private final Function<String, float[]> encoder;
    private final Supplier<IntentPhrases> phrases;
    private final Map<String, float[]> cache = new HashMap<>();
    private IntentPhrases embedded;
    private VectorCache diskCache;
    private final List<String> intents = new ArrayList<>();
    private final List<String> texts = new ArrayList<>();
    private final List<float[]> vectors = new ArrayList<>();

    /** @param encoder unit-length sentence embedding (e.g. {@code MiniLm::embed}) */
    public TextIntentClassifier(Function<String, float[]> encoder, Supplier<IntentPhrases> phrases) {
        this.encoder = Objects.requireNonNull(encoder);
        this.phrases = Objects.requireNonNull(phrases);
    }

    public static TextIntentClassifier of(Function<String, float[]> encoder, PhraseFile file) {
        return new TextIntentClassifier(encoder, () -> {
            try {
                return file.phrases();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the intent phrase file " + file.file(), e);
            }
        });
    }

    /** Keeps phrase vectors in {@code cache} between runs (loaded now). */
    public synchronized TextIntentClassifier cachedIn(VectorCache cache) {
        diskCache = cache;
        cache.load().forEach(this.cache::putIfAbsent);
        return this;
    }

    /** Embeds the phrases now (otherwise the first {@link #classify} does). */
    public synchronized void warmUp() {
        refresh();
    }

    /** The intents the phrases define. */
    public synchronized List<String> intents() {
        refresh();
        return List.copyOf(new java.util.LinkedHashSet<>(intents));
    }

    public synchronized IntentOpinion classify(String text) {
        refresh();
        Map<String, Double> best = new LinkedHashMap<>();
        Map<String, String> bestPhrase = new HashMap<>();
        score(encoder.apply(text), best, bestPhrase);
        String[] words = text.strip().split("\\s+");
        // a note's or a query's own words dilute the command's: "take a note that I parked on level three"
        for (int n = PREFIX_WORDS - 1; n <= PREFIX_WORDS && n < words.length; n++) {
            score(encoder.apply(String.join(" ", java.util.Arrays.copyOf(words, n))), best, bestPhrase);
        }
        double max = best.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        double sum = 0;
        Map<String, Double> probs = new LinkedHashMap<>();
        for (Map.Entry<String, Double> e : best.entrySet()) {
            double p = Math.exp((e.getValue() - max) / TEMPERATURE);
            probs.put(e.getKey(), p);
            sum += p;
        }
        for (Map.Entry<String, Double> e : probs.entrySet()) {
            e.setValue(e.getValue() / sum);
        }
        IntentOpinion o = IntentOpinion.of("text", probs, null, null);
        return new IntentOpinion(o.source(), o.intent(), o.confidence(), o.scores(),
                Math.round(best.get(o.intent()) * 1e4) / 1e4, bestPhrase.get(o.intent()));
    }

    private void score(float[] q, Map<String, Double> best, Map<String, String> bestPhrase) {
        for (int i = 0; i < vectors.size(); i++) {
            double c = TextSimilarity.cosine(q, vectors.get(i));
            String intent = intents.get(i);
            if (c > best.getOrDefault(intent, Double.NEGATIVE_INFINITY)) {
                best.put(intent, c);
                bestPhrase.put(intent, texts.get(i));
            }
        }
    }

    private void refresh() {
        IntentPhrases now = phrases.get();
        if (now == embedded) {
            return;
        }
        intents.clear();
        texts.clear();
        vectors.clear();
        int before = cache.size();
        now.byIntent().forEach((intent, list) -> {
            for (String p : list) {
                intents.add(intent);
                texts.add(p);
                vectors.add(cache.computeIfAbsent(p, encoder));
            }
        });
        embedded = now;
        if (diskCache != null && cache.size() > before) {
            diskCache.save(cache);
        }
    }
}
