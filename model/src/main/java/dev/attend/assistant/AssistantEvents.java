package dev.attend.assistant;

import dev.attend.assistant.intent.IntentOpinion;
import dev.attend.event.AttendEvent;
import java.util.List;

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
     * The assistant's state changed. {@code mode}: what activated the command in progress ({@code wake_word},
     * {@code push_to_talk}, {@code look_to_talk}, {@code typed}, {@code timer}), or null; {@code modes}: the listening
     * modes switched on; {@code reason}: why, when not obvious (e.g. {@code timeout}, {@code stopped}).
     */
    public record State(double t, String state, String mode, List<String> modes, String reason)
            implements AttendEvent {
        @Override
        public String type() {
            return "assistant.state";
        }
    }

    /**
     * What a command was understood as. {@code command}: 1, 2, … per session; {@code textOpinion}/
     * {@code audioOpinion}: each source's view, null when that source had nothing.
     */
    public record Intent(double t, int command, String mode, String text, String intent, double confidence,
                         boolean understood, IntentOpinion textOpinion, IntentOpinion audioOpinion)
            implements AttendEvent {
        @Override
        public String type() {
            return "assistant.intent";
        }
    }

    /**
     * A reply. {@code text}: shown; {@code speech}: spoken (pinyin for Chinese on espeak-ng); {@code acted}: whether
     * the command did or answered something; {@code spoken}: whether it will be spoken (not muted);
     * {@code latencyMs}: wall time from the event that ended the command to this reply.
     */
    public record Reply(double t, int command, String intent, String key, String text, String speech, String language,
                        boolean acted, boolean spoken, double latencyMs) implements AttendEvent {
        @Override
        public String type() {
            return "assistant.reply";
        }
    }

    /**
     * A timer was set, went off or was cancelled. {@code due}: ISO-8601 instant it is (was) due.
     */
    public record Timer(double t, String event, long id, String name, double seconds, String due)
            implements AttendEvent {
        @Override
        public String type() {
            return "assistant.timer";
        }
    }
}
