package dev.attend.encoders.audio.features;

/**
 * The speech embeddings of one 80 ms block at every block phase. Phase 0 is openWakeWord's own grid (the token the
 * stream publishes); phase {@code p} is the window ending {@code p × 80/phases} ms earlier, so the phases interleave
 * and a head that scores each phase's history sees the word at up to {@code phases} positions in the 80 ms grid.
 * Phases other than 0 are computed only when asked for, then kept: heads that need them share one computation.
 * Valid only during the listener call that delivered it (on the feature stage's thread).
 */
public interface TokenBlock {

    /** Block number from the start of the stream (= the phase-0 token's index). */
    long index();

    /** Phases this stream computes (1, 2, 4 or 8). */
    int phases();

    /** Phase 0: openWakeWord's token, the one published on the stream. */
    AudioToken main();

    /**
     * The token of phase {@code phase} in the block {@code back} blocks before this one (0 = this block), for a head
     * that fills or catches up a phase's history; null when that window would end before the stream's first mel
     * frame.
     *
     * @param back 0 to {@link #MAX_BACK}
     */
    AudioToken token(int phase, int back);

    /** How far back {@link #token(int, int)} reaches: a wake-word history of 16 tokens. */
    int MAX_BACK = 15;
}
