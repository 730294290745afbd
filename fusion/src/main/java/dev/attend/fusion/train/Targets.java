package dev.attend.fusion.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.attend.fusion.model.SlotWords;

/**
 * What a batch should produce, as flat arrays (B = batch, Tt text tokens, Ta audio tokens).
 *
 * @param sync       (B) 1 = the face speaks this audio
 * @param addressee  (B) 1 = speaking to the assistant (in sync and facing the camera)
 * @param intent     (B) intent index of the audio
 * @param align      (B,Tt,Ta) 1 where audio token k lies in word w's span; all-zero rows are not scored
 * @param avAnchor   (B) 1 = row is an audio anchor for audio↔video InfoNCE (in-sync samples)
 * @param avColumns  (B,B) 1 = column j is a candidate video for anchor i (its own, other utterances, time shifts)
 * @param atAnchor   (B) 1 = row is an audio anchor for audio↔text InfoNCE (one per utterance in the batch)
 * @param atPositive (B,B) 1 = text j is the same text as anchor i's (only among anchors)
 * @param slots      (B,3) slot head classes: action, duration number, duration unit ({@link SlotWords}, 0 = none)
 * @param words      (B,Ta) word head classes per audio token ({@link WordLabels}; 0 = no word end)
 * @param wordMask   (B,Ta) 1 = the token's word label is scored (real audio tokens)
 */
public record Targets(int batch, int textTokens, int audioTokens, float[] sync, float[] addressee, long[] intent,
                      float[] align, float[] avAnchor, float[] avColumns, float[] atAnchor, float[] atPositive,
                      long[] slots, long[] words, float[] wordMask) {

    public static final int SYNC = 0;
    public static final int ADDRESSEE = 1;
    public static final int INTENT = 2;
    public static final int ALIGN = 3;
    public static final int AV_ANCHOR = 4;
    public static final int AV_COLUMNS = 5;
    public static final int AT_ANCHOR = 6;
    public static final int AT_POSITIVE = 7;
    public static final int SLOTS = 8;
    public static final int WORDS = 9;
    public static final int WORD_MASK = 10;

    /** Targets without word labels (none scored). */
    public Targets(int batch, int textTokens, int audioTokens, float[] sync, float[] addressee, long[] intent,
                   float[] align, float[] avAnchor, float[] avColumns, float[] atAnchor, float[] atPositive,
                   long[] slots) {
        this(batch, textTokens, audioTokens, sync, addressee, intent, align, avAnchor, avColumns, atAnchor, atPositive,
                slots, new long[batch * audioTokens], new float[batch * audioTokens]);
    }

    /** Targets without slot labels (all "none"). */
    public Targets(int batch, int textTokens, int audioTokens, float[] sync, float[] addressee, long[] intent,
                   float[] align, float[] avAnchor, float[] avColumns, float[] atAnchor, float[] atPositive) {
        this(batch, textTokens, audioTokens, sync, addressee, intent, align, avAnchor, avColumns, atAnchor, atPositive,
                new long[batch * SlotWords.HEAD_SIZES.length]);
    }

    /** Makes the arrays of {@link #toNDList(ArrayMaker)}. */
    interface ArrayMaker {
        NDArray floats(float[] data, Shape shape);

        NDArray longs(long[] data, Shape shape);
    }

    /** The arrays on {@code m} (keep it open until after backward and step). */
    public NDList toNDList(NDManager m) {
        return toNDList(new ArrayMaker() {
            @Override
            public NDArray floats(float[] data, Shape shape) {
                return m.create(data, shape);
            }

            @Override
            public NDArray longs(long[] data, Shape shape) {
                return m.create(data, shape);
            }
        });
    }

    /** The arrays made by {@code a}, in {@link #SYNC}…{@link #WORD_MASK} order. */
    NDList toNDList(ArrayMaker a) {
        long b = batch;
        return new NDList(a.floats(sync, new Shape(b)), a.floats(addressee, new Shape(b)),
                a.longs(intent, new Shape(b)), a.floats(align, new Shape(b, textTokens, audioTokens)),
                a.floats(avAnchor, new Shape(b)), a.floats(avColumns, new Shape(b, b)),
                a.floats(atAnchor, new Shape(b)), a.floats(atPositive, new Shape(b, b)),
                a.longs(slots, new Shape(b, SlotWords.HEAD_SIZES.length)),
                a.longs(words, new Shape(b, audioTokens)), a.floats(wordMask, new Shape(b, audioTokens)));
    }
}
