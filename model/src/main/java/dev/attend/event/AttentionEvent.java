package dev.attend.event;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;

/**
 * One attention map: how each query attends to each key in one layer and head. MiniLM's maps have
 * {@code source = "minilm"} and tokens on both axes ({@code queries} = {@code keys} = the transcript's word pieces
 * with {@code [CLS]} and {@code [SEP]}). Rows of {@code weights} sum to 1; {@code scores} are the pre-softmax
 * values q·k/√d plus the attention mask (0 for real tokens). {@code t} and {@code utterance} are those of the
 * {@code asr.final} it explains.
 */
@JsonTypeName("attention")
public record AttentionEvent(double t, String source, int utterance, int layer, int head, String queryAxis,
                             String keyAxis, List<String> queries, List<String> keys, float[][] weights,
                             float[][] scores) implements AttendEvent {

    public static final String AXIS_TOKENS = "tokens";

    public AttentionEvent {
        queries = List.copyOf(queries);
        keys = List.copyOf(keys);
    }
}
