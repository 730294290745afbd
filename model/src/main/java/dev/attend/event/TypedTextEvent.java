package dev.attend.event;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * {@code text.typed}: a sentence the user typed, a text source of the session beside speech (docs/events.md).
 * Attention, translation, history and exports take it the way they take an {@code asr.final}: by its utterance id.
 *
 * @param t         media time when it was typed (0 before any media)
 * @param utterance its id: positive, from {@link #FIRST_ID} up, so it never meets a recognized utterance's id
 *                  (those count from 0 per session) and a typed row kept across sessions stays unique
 * @param text      the sentence, stripped
 * @param origin    where it was typed: {@link #CAPTIONS} (a transcript row, translated) or {@link #LAB} (the
 *                  attention lab's sentence: analysed, no transcript row)
 */
@JsonPropertyOrder({"type", "t", "utterance", "text", "origin"})
@JsonTypeName("text.typed")
public record TypedTextEvent(double t, int utterance, String text, String origin) implements AttendEvent {

    /** Typed into the captions pane. */
    public static final String CAPTIONS = "captions";
    /** Typed into the attention lab. */
    public static final String LAB = "lab";

    /** The first typed sentence's id; recognized utterances stay below it (a million utterances per session). */
    public static final int FIRST_ID = 1_000_000;

    public TypedTextEvent {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a typed sentence must not be blank");
        }
        if (utterance < FIRST_ID) {
            throw new IllegalArgumentException("a typed sentence's id starts at " + FIRST_ID + ": " + utterance);
        }
        text = text.strip();
        origin = origin == null ? CAPTIONS : origin;
    }

    /** True when the sentence is a transcript row (typed into the captions pane, or of an unknown origin). */
    @JsonIgnore
    public boolean isCaptionsRow() {
        return !LAB.equals(origin);
    }

    /** True for an utterance id a typed sentence owns (false for a recognized utterance's). */
    public static boolean isTyped(int utterance) {
        return utterance >= FIRST_ID;
    }
}
