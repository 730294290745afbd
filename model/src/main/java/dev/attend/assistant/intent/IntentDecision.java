package dev.attend.assistant.intent;

/**
 * What the assistant makes of a command.
 *
 * @param intent     the intent acted on ({@link Intents#NONE} when not understood)
 * @param confidence the combined probability of that intent
 * @param understood false: low confidence or not a command → "Sorry, I didn't catch that", no action
 * @param text       the transcript's opinion, or null without a transcript
 * @param audio      the audio intent head's opinion, or null without one
 */
public record IntentDecision(String intent, double confidence, boolean understood, IntentOpinion text,
                             IntentOpinion audio) {
}
