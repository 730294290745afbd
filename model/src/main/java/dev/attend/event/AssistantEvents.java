package dev.attend.event;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;
import java.util.Map;

/** The assistant's events (docs/events.md, "Assistant events"). */
public final class AssistantEvents {

    /** Listening states. */
    public static final String LISTENING = "listening";
    public static final String THINKING = "thinking";
    public static final String SPEAKING = "speaking";
    public static final String IDLE = "idle";

    private AssistantEvents() {
    }

    /**
     * {@code assistant.state}: the assistant's state changed. {@code mode}: what started the command in progress
     * ({@code wake_word}, {@code push_to_talk}, {@code look_to_talk}, {@code typed}, {@code timer}), or null;
     * {@code modes}: the listening modes switched on; {@code reason}: why, when not obvious (e.g. {@code timeout}).
     */
    @JsonTypeName("assistant.state")
    public record State(double t, String state, String mode, List<String> modes, String reason)
            implements AttendEvent {
        public State {
            modes = modes == null ? List.of() : List.copyOf(modes);
        }
    }

    /**
     * One source's view of a command's intent: {@code source} {@code text} (MiniLM over the transcript) or
     * {@code audio} (the audio intent head); {@code scores}: probability per intent, best first;
     * {@code similarity}/{@code example}: text only, the best example phrase and its cosine (else null).
     */
    public record Opinion(String source, String intent, double confidence, Map<String, Double> scores,
                          Double similarity, String example) {
    }

    /**
     * {@code assistant.intent}: what a command was understood as. {@code command}: 1, 2, … per assistant;
     * {@code textOpinion}/{@code audioOpinion}: each source's view, null when that source had nothing;
     * {@code slots}: what the skill was given besides the intent (from the transcript, or without one from the audio
     * head's slot heads), e.g. {@code action}, {@code duration} in seconds; null when not understood or none.
     */
    @JsonTypeName("assistant.intent")
    public record Intent(double t, int command, String mode, String text, String intent, double confidence,
                         boolean understood, Opinion textOpinion, Opinion audioOpinion, Map<String, Object> slots)
            implements AttendEvent {
    }

    /**
     * {@code assistant.reply}: {@code text} shown, {@code speech} spoken (pinyin for Chinese on espeak-ng);
     * {@code acted}: whether the command did or answered something; {@code spoken}: whether it will be spoken
     * (not muted); {@code latencyMs}: wall time from the event that ended the command to this reply.
     */
    @JsonTypeName("assistant.reply")
    public record Reply(double t, int command, String intent, String key, String text, String speech, String language,
                        boolean acted, boolean spoken, double latencyMs) implements AttendEvent {
    }

    /** {@code assistant.timer}: a timer was set, went off (or was missed while closed) or was cancelled. */
    @JsonTypeName("assistant.timer")
    public record Timer(double t, String event, long id, String name, double seconds, String due)
            implements AttendEvent {
    }
}
