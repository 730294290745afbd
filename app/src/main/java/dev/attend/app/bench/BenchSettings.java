package dev.attend.app.bench;

import java.nio.file.Path;

/**
 * What every encoder bench shares.
 *
 * @param calls   timed calls per model (after {@code warmup} untimed ones)
 * @param warmup  untimed calls first
 * @param rounds  timed rounds of whole-stack runs (the median is reported)
 * @param audio   a WAV file for the audio stack's real-time factor, or null for generated audio
 * @param seconds length of the generated audio when {@code audio} is null
 */
public record BenchSettings(int calls, int warmup, int rounds, Path audio, int seconds) {
}
