package dev.attend.assistant.intent;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One source's view of a command's intent.
 *
 * @param source     {@code text} (MiniLM over the transcript) or {@code audio} (the audio intent head)
 * @param intent     its best intent
 * @param confidence its probability for that intent (0–1)
 * @param scores     probability per intent, best first
 * @param similarity text only: cosine similarity of the best example phrase (else null)
 * @param example    text only: that phrase (else null)
 */
public record IntentOpinion(String source, String intent, double confidence, Map<String, Double> scores,
                            Double similarity, String example) {

    /** As written in {@code assistant.intent}. */
    public dev.attend.event.AssistantEvents.Opinion toEvent() {
        return new dev.attend.event.AssistantEvents.Opinion(source, intent, confidence, scores, similarity, example);
    }

    /** An opinion from probabilities (sorted, rounded to 4 places). */
    public static IntentOpinion of(String source, Map<String, Double> probabilities, Double similarity, String example) {
        Map<String, Double> sorted = new LinkedHashMap<>();
        probabilities.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()))
                .forEach(e -> sorted.put(e.getKey(), Math.round(e.getValue() * 1e4) / 1e4));
        Map.Entry<String, Double> best = sorted.entrySet().iterator().next();
        return new IntentOpinion(source, best.getKey(), best.getValue(), sorted, similarity, example);
    }
}
