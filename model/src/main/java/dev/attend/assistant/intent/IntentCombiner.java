package dev.attend.assistant.intent;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Combines the transcript's and the audio head's opinions. With both, a weighted mean of their probabilities (the
 * transcript weighs {@code textWeight}); with one, that one. A command is understood when the winner is not
 * {@code none}, reaches {@code minConfidence}, and (text) its best example is at least {@code minSimilarity} alike.
 * "stop" wins whenever either source is sure of it, so stopping never depends on agreement.
 * The audio head alone (no transcript) must reach {@code minAudioOnlyConfidence}, for "stop" alone as well. A wrong
 * action is worse than "didn't catch that", so the threshold is chosen on calibration sets that are neither training
 * nor held-out data: the fusion generator's phrases in training voices ({@code --phrases calibration}) and the
 * assistant's tuning phrasings in two accents that are in neither the fusion model's training nor its held-out
 * voices ({@code --phrases assistant-tuning.txt --voices pt+m3,da+f2}); see docs/performance.md ("Assistant",
 * session 6).
 */
public record IntentCombiner(double textWeight, double minConfidence, double minSimilarity, double stopConfidence,
                             double minAudioOnlyConfidence) {

    /**
     * See docs/performance.md ("Assistant", sessions 6 and 7). Fusion checkpoint {@code feb3a7ab}: the lowest t with
     * no wrong action and no non-command acted on anywhere in [t, t + 0.1] is 0.6 on the generator-phrase calibration
     * set and 0.95 on the unseen-accent tuning set (one non-command still acted on at 0.85–0.90), so 0.95.
     */
    public static final double AUDIO_ONLY_CONFIDENCE = 0.95;

    public static IntentCombiner defaults() {
        return new IntentCombiner(0.7, 0.6, 0.62, 0.8, AUDIO_ONLY_CONFIDENCE);
    }

    public IntentDecision decide(IntentOpinion text, IntentOpinion audio) {
        if (text == null && audio == null) {
            return new IntentDecision(Intents.NONE, 0, false, null, null);
        }
        for (IntentOpinion o : new IntentOpinion[] {text, audio}) {
            double need = o == audio && text == null ? Math.max(stopConfidence, minAudioOnlyConfidence) : stopConfidence;
            if (o != null && Intents.STOP.equals(o.intent()) && o.confidence() >= need
                    && (o != text || o.similarity() >= minSimilarity)) {
                return new IntentDecision(Intents.STOP, o.confidence(), true, text, audio);
            }
        }
        Map<String, Double> combined = new LinkedHashMap<>();
        double wt = audio == null ? 1 : text == null ? 0 : textWeight;
        if (text != null) {
            text.scores().forEach((k, v) -> combined.merge(k, wt * v, Double::sum));
        }
        if (audio != null) {
            audio.scores().forEach((k, v) -> combined.merge(k, (1 - wt) * v, Double::sum));
        }
        Map.Entry<String, Double> best = combined.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
        boolean similar = text == null || text.similarity() >= minSimilarity
                || !best.getKey().equals(text.intent());
        double need = text == null ? Math.max(minConfidence, minAudioOnlyConfidence) : minConfidence;
        boolean understood = !Intents.NONE.equals(best.getKey()) && best.getValue() >= need && similar;
        double conf = Math.round(best.getValue() * 1e4) / 1e4;
        return new IntentDecision(understood ? best.getKey() : Intents.NONE, conf, understood, text, audio);
    }
}
