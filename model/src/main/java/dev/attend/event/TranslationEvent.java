package dev.attend.event;

import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * {@code translation}: the translation of an utterance's transcript (docs/events.md).
 *
 * @param t         start of the utterance (the final's {@code t}; for partials, the first partial's {@code t})
 * @param utterance the ASR utterance id the source text belongs to
 * @param pair      Apertium direction, e.g. {@code eng-spa}
 * @param isFinal   {@code final} in JSON: true for the translation of {@code asr.final}, false for a partial's
 *                  stable prefix (replaced by later ones for the same utterance)
 * @param source    the text translated
 * @param target    its translation, unknown-word marks removed
 * @param unknown   the target's words Apertium marked as unknown
 * @param latencyMs time the translation took (a cache hit: the lookup)
 */
@JsonPropertyOrder({"type", "t", "utterance", "pair", "final", "source", "target", "unknown", "latencyMs"})
@JsonTypeName("translation")
public record TranslationEvent(double t, int utterance, String pair, @JsonProperty("final") boolean isFinal,
                               String source, String target, List<String> unknown, double latencyMs)
        implements AttendEvent {

    public TranslationEvent {
        unknown = List.copyOf(unknown);
    }
}
