package dev.attend.app.bench;

import dev.attend.assistant.Reply;
import dev.attend.assistant.slots.SlotExtractor;
import dev.attend.assistant.slots.Slots;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How spoken timer and note commands understood from sound alone were carried out, against the slots the text
 * path reads from the same sentence (the known answer): the sub-action done, and for timers set, the duration —
 * a timer with another length than the sentence says is a wrong timer (bar 0); asking "how long?" is not.
 */
final class SpokenSlotTally {

    private static final Map<String, String> ACTION_OF_REPLY = Map.ofEntries(
            Map.entry("timer.set", "set"), Map.entry("timer.setPlain", "set"), Map.entry("timer.noDuration", "set"),
            Map.entry("timer.list", "list"), Map.entry("timer.none", "list"),
            Map.entry("timer.cancelled", "cancel"), Map.entry("timer.cancelledAll", "cancel"),
            Map.entry("timer.whichOne", "cancel"), Map.entry("timer.notFound", "cancel"),
            Map.entry("note.last", "last"), Map.entry("note.noNotes", "last"), Map.entry("note.today", "today"),
            Map.entry("note.noneToday", "today"), Map.entry("note.needsSpeech", "create"));

    private int judged;
    private int rightAction;
    private int wrongAction;
    private int unsure;
    private int rightTimers;
    private int wrongTimers;
    private int askedHowLong;
    private final List<String> wrong = new ArrayList<>();

    /** A command of {@code intent} ("timer" or "note") that the assistant understood as that intent. */
    void add(String intent, String text, Reply reply) {
        Slots expected = SlotExtractor.extract(intent, text);
        String done = ACTION_OF_REPLY.get(reply.key());
        judged++;
        if (done == null) {
            unsure++;
            return;
        }
        if (!done.equals(expected.action())) {
            wrongAction++;
            wrong.add(String.format(Locale.ROOT, "%s: did %s, said %s (%s): %s", intent, done, expected.action(),
                    reply.key(), text));
            return;
        }
        rightAction++;
        if ("timer.noDuration".equals(reply.key())) {
            askedHowLong++;
        } else if (reply.args().get("duration") instanceof Duration d) {
            if (d.equals(expected.duration())) {
                rightTimers++;
            } else {
                wrongTimers++;
                wrong.add("timer of " + d.toSeconds() + " s, said " + (expected.duration() == null ? "none"
                        : expected.duration().toSeconds() + " s") + ": " + text);
            }
        }
    }

    List<String> report() {
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "slots from sound (timer/note commands understood: %d): action right %d, "
                + "wrong %d, unsure (asked) %d; timers set with the right length %d, WRONG length %d (bar 0), "
                + "asked how long %d", judged, rightAction, wrongAction, unsure, rightTimers, wrongTimers,
                askedHowLong));
        wrong.forEach(w -> out.add("  slot miss: " + w));
        return out;
    }
}
