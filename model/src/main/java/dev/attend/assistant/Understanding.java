package dev.attend.assistant;

import dev.attend.assistant.intent.AudioAgreement;
import dev.attend.assistant.intent.AudioIntentModel;
import dev.attend.assistant.intent.IntentCombiner;
import dev.attend.assistant.intent.IntentDecision;
import dev.attend.assistant.intent.IntentOpinion;
import dev.attend.assistant.intent.Intents;
import dev.attend.assistant.intent.TextIntentClassifier;
import dev.attend.assistant.slots.AudioSlots;
import dev.attend.assistant.slots.SlotExtractor;
import dev.attend.assistant.slots.Slots;
import java.util.Map;

/**
 * What a command means: the transcript's and the audio head's intent opinions combined, and its slots — read from
 * the transcript, or, with none, from the audio head's slot opinions ({@link AudioSlots}).
 */
final class Understanding {

    /** @param text the transcript without the wake phrase, "" when there is none */
    record Result(String text, IntentDecision decision, Slots slots) {
    }

    private final TextIntentClassifier classifier;
    private final AudioIntentModel audioModel;
    private final IntentCombiner combiner;

    /** @param audioModel may be null (no audio head) */
    Understanding(TextIntentClassifier classifier, AudioIntentModel audioModel, IntentCombiner combiner) {
        this.classifier = classifier;
        this.audioModel = audioModel;
        this.combiner = combiner;
    }

    Result understand(Command c) {
        String text = c.text() == null ? "" : WakePhrases.strip(c.text()).strip();
        IntentOpinion textOpinion = text.isEmpty() ? null : classifier.classify(text);
        Map<String, Double> audio = audioModel == null || c.tokens().isEmpty() ? Map.of()
                : AudioAgreement.probabilities(audioModel, c.tokens(), c.t());
        IntentOpinion audioOpinion = audio.isEmpty() ? null : IntentOpinion.of("audio", audio, null, null);
        IntentDecision d = Stopwords.isStop(text) ? new IntentDecision(Intents.STOP, 1.0, true, textOpinion, audioOpinion)
                : combiner.decide(textOpinion, audioOpinion);
        Slots slots;
        if (!d.understood()) {
            slots = Slots.none();
        } else if (!text.isEmpty()) {
            slots = SlotExtractor.extract(d.intent(), text);
        } else if (Intents.TIMER.equals(d.intent()) || Intents.NOTE.equals(d.intent())) {
            slots = AudioSlots.read(d.intent(), audioModel.slotProbabilities(c.tokens()));
        } else {
            slots = Slots.none();
        }
        return new Result(text, d, slots);
    }
}
