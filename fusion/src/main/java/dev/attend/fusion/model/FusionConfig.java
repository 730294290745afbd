package dev.attend.fusion.model;

import java.util.List;

/**
 * Size and input layout of a fusion model. Saved as JSON next to its parameters, so a checkpoint says what it is.
 *
 * @param dModel      width of every token after projection
 * @param heads       attention heads per layer ({@code dModel % heads == 0})
 * @param layers      self-attention layers per modality
 * @param crossLayers cross-modal layers (audio↔video, text→audio each)
 * @param ffnDim      hidden width of the feed-forward blocks
 * @param dropout     dropout after attention and feed-forward (training only)
 * @param audioTokens audio tokens per window (80 ms each)
 * @param videoTokens video tokens per window (one per 80 ms, on the audio grid)
 * @param textTokens  text tokens (words) per window, padded
 * @param intents     intent names, in head order
 * @param timeCode    how attention knows media time: {@link #RELATIVE} (a learned per-head penalty on the seconds
 *                    between query and key, so cached keys never change and streaming can be incremental) or
 *                    {@link #ABSOLUTE} (sinusoids of seconds from the window start added to the tokens; checkpoints
 *                    saved before the field existed)
 * @param audioPool   how the intent head and the audio→text projection pool the audio tokens: {@link #ATTENTION}
 *                    (a learned attention pooling per use, {@link AttentionPool}) or {@link #MEAN} (the masked mean;
 *                    checkpoints saved before the field existed)
 * @param slotHeads   whether the model has the slot heads for commands without a transcript (action, duration number
 *                    word, duration unit: {@link SlotWords}); false for checkpoints saved
 *                    before the field existed
 * @param words       the word head's vocabulary ({@link WordHead}: which word just ended, per audio token; classes 0 =
 *                    no word end, 1 = another word, then these); empty = no word head (checkpoints saved before the
 *                    field existed)
 * @param wordFloor   added to the word head's posteriors before the log the intent, slot and audio→text heads read
 *                    ({@link WordHead#pooledLogPosteriors}); {@link #LEGACY_WORD_FLOOR} for checkpoints saved before
 *                    the field existed, {@link #WORD_FLOOR} for new word-head models
 */
public record FusionConfig(int dModel, int heads, int layers, int crossLayers, int ffnDim, float dropout,
                           int audioTokens, int videoTokens, int textTokens, List<String> intents, String timeCode,
                           String audioPool, Boolean slotHeads, List<String> words, Float wordFloor) {

    public static final String RELATIVE = "relative";
    public static final String ABSOLUTE = "absolute";
    public static final String ATTENTION = "attention";
    public static final String MEAN = "mean";

    /**
     * The floor of new word-head models (session 7). At 1e-4 the log spreads the posteriors of words the head is
     * sure are absent over 9 nats that only its training voices fill the same way (a readout fitted on them: 0.92 on
     * unseen accents); a higher floor cuts those differences off (docs/performance.md, Fusion transformer, session 7).
     */
    public static final float WORD_FLOOR = 1e-1f;
    /** The floor of session-6 word-head checkpoints (configs without {@code wordFloor}). */
    public static final float LEGACY_WORD_FLOOR = 1e-4f;

    public static final int AUDIO_DIM = 96;
    /** {@link dev.attend.encoders.vision.FaceDescriptor} (16) + face present (1). */
    public static final int VIDEO_DIM = 17;
    public static final int TEXT_DIM = 384;
    public static final double TOKEN_SECONDS = 0.08;
    /** The assistant's intents, in the intent head's order. */
    public static final List<String> INTENTS = List.of("time", "date", "timer", "note", "search", "translate_last",
            "repeat", "stop", "none");

    public FusionConfig {
        if (dModel <= 0 || heads <= 0 || dModel % heads != 0) {
            throw new IllegalArgumentException("dModel (" + dModel + ") must be a positive multiple of heads (" + heads + ")");
        }
        if (layers < 1 || crossLayers < 1 || ffnDim < 1 || audioTokens < 1 || videoTokens < 1 || textTokens < 1) {
            throw new IllegalArgumentException("layers, crossLayers, ffnDim and token counts must be at least 1");
        }
        if (dropout < 0 || dropout >= 1) {
            throw new IllegalArgumentException("dropout must be in [0, 1): " + dropout);
        }
        intents = List.copyOf(intents);
        timeCode = timeCode == null ? ABSOLUTE : timeCode; // configs written before the field
        if (!RELATIVE.equals(timeCode) && !ABSOLUTE.equals(timeCode)) {
            throw new IllegalArgumentException("timeCode must be " + RELATIVE + " or " + ABSOLUTE + ": " + timeCode);
        }
        audioPool = audioPool == null ? MEAN : audioPool; // configs written before the field
        if (!ATTENTION.equals(audioPool) && !MEAN.equals(audioPool)) {
            throw new IllegalArgumentException("audioPool must be " + ATTENTION + " or " + MEAN + ": " + audioPool);
        }
        slotHeads = slotHeads != null && slotHeads; // configs written before the field: none
        words = words == null ? List.of() : List.copyOf(words); // configs written before the field: no word head
        wordFloor = wordFloor == null ? LEGACY_WORD_FLOOR : wordFloor; // configs written before the field
        if (!(wordFloor > 0 && wordFloor < 1)) {
            throw new IllegalArgumentException("wordFloor must be in (0, 1): " + wordFloor);
        }
    }

    /** A configuration without a word head (every model before session 6). */
    public FusionConfig(int dModel, int heads, int layers, int crossLayers, int ffnDim, float dropout,
                        int audioTokens, int videoTokens, int textTokens, List<String> intents, String timeCode,
                        String audioPool, Boolean slotHeads) {
        this(dModel, heads, layers, crossLayers, ffnDim, dropout, audioTokens, videoTokens, textTokens, intents,
                timeCode, audioPool, slotHeads, null, null);
    }

    /** This configuration with a word head over {@code vocabulary} (empty: none), with the floor of new models. */
    public FusionConfig withWords(List<String> vocabulary) {
        return new FusionConfig(dModel, heads, layers, crossLayers, ffnDim, dropout, audioTokens, videoTokens,
                textTokens, intents, timeCode, audioPool, slotHeads, vocabulary, WORD_FLOOR);
    }

    /** This configuration with another word floor. */
    public FusionConfig withWordFloor(float floor) {
        return new FusionConfig(dModel, heads, layers, crossLayers, ffnDim, dropout, audioTokens, videoTokens,
                textTokens, intents, timeCode, audioPool, slotHeads, words, floor);
    }

    /** Whether the model has the word head. */
    public boolean wordHead() {
        return !words.isEmpty();
    }

    /** The word head's classes: no word end, another word, then the vocabulary (0 without a word head). */
    public int wordClasses() {
        return wordHead() ? words.size() + 2 : 0;
    }

    /** A configuration with the given time code and audio pooling, with slot heads (new models). */
    public FusionConfig(int dModel, int heads, int layers, int crossLayers, int ffnDim, float dropout,
                        int audioTokens, int videoTokens, int textTokens, List<String> intents, String timeCode,
                        String audioPool) {
        this(dModel, heads, layers, crossLayers, ffnDim, dropout, audioTokens, videoTokens, textTokens, intents,
                timeCode, audioPool, true);
    }

    /** Whether the model has slot heads. */
    public boolean slots() {
        return slotHeads;
    }

    /** A configuration with the given time code and attention pooling (new models). */
    public FusionConfig(int dModel, int heads, int layers, int crossLayers, int ffnDim, float dropout,
                        int audioTokens, int videoTokens, int textTokens, List<String> intents, String timeCode) {
        this(dModel, heads, layers, crossLayers, ffnDim, dropout, audioTokens, videoTokens, textTokens, intents,
                timeCode, ATTENTION);
    }

    /** A configuration with relative time (the default for new models). */
    public FusionConfig(int dModel, int heads, int layers, int crossLayers, int ffnDim, float dropout,
                        int audioTokens, int videoTokens, int textTokens, List<String> intents) {
        this(dModel, heads, layers, crossLayers, ffnDim, dropout, audioTokens, videoTokens, textTokens, intents, RELATIVE);
    }

    public boolean attentionPool() {
        return ATTENTION.equals(audioPool);
    }

    public boolean relativeTime() {
        return RELATIVE.equals(timeCode);
    }

    /** The shipped size: d 64, 4 heads, 2 layers per modality, 1 cross layer each, 4-s windows; under 1 M parameters. */
    public static FusionConfig defaults() {
        return new FusionConfig(64, 4, 2, 1, 128, 0.1f, 50, 50, 16, INTENTS);
    }

    /** A tiny model for gradient checks and quick tests. */
    public static FusionConfig tiny() {
        return new FusionConfig(8, 2, 1, 1, 16, 0f, 6, 6, 4, INTENTS);
    }

    public int dk() {
        return dModel / heads;
    }

    public double windowSeconds() {
        return audioTokens * TOKEN_SECONDS;
    }
}
