package dev.attend.assistant.skills;

import dev.attend.assistant.Reply;
import dev.attend.assistant.intent.Intents;
import dev.attend.assistant.slots.Slots;
import dev.attend.assistant.store.AssistantTimer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Timers: set (named or named after their length), list with time left, cancel one by name or all. Without a
 * transcript (the audio head's slots) the action must be known, and cancelling needs the timer to be the only one.
 */
public final class TimerSkill implements Skill {

    /** Longest timer accepted: a day. Longer ones are almost always a misheard command. */
    static final Duration MAX = Duration.ofHours(24);

    @Override
    public String intent() {
        return Intents.TIMER;
    }

    @Override
    public Reply handle(String text, Slots slots, SkillContext ctx) {
        Instant now = ctx.clock().instant();
        boolean heardOnly = text == null || text.isBlank(); // the audio head's slots: no name, maybe no action
        if (heardOnly && slots.action() == null) {
            return Reply.noAction("timer.unsure");
        }
        return switch (slots.action() == null ? "set" : slots.action()) {
            case "list" -> list(ctx, now);
            case "cancel" -> cancel(slots.name(), ctx, heardOnly);
            default -> set(slots, ctx, now);
        };
    }

    private static Reply set(Slots slots, SkillContext ctx, Instant now) {
        Duration d = slots.duration();
        if (d == null || d.isZero() || d.compareTo(MAX) > 0) {
            return Reply.noAction("timer.noDuration");
        }
        String name = slots.name() != null ? slots.name() : lengthName(d);
        AssistantTimer t = ctx.timers().create(name, d, now);
        ctx.timersChanged(t);
        return slots.name() != null ? Reply.of("timer.set", "name", name, "duration", d)
                : Reply.of("timer.setPlain", "duration", d);
    }

    private static String lengthName(Duration d) {
        long s = d.toSeconds();
        if (s % 3600 == 0) {
            return s / 3600 + " hour";
        }
        if (s % 60 == 0) {
            return s / 60 + " minute";
        }
        return s + " second";
    }

    private static Reply list(SkillContext ctx, Instant now) {
        List<AssistantTimer> running = ctx.timers().running();
        if (running.isEmpty()) {
            return Reply.of("timer.none");
        }
        List<Map<String, Object>> items = new ArrayList<>();
        for (AssistantTimer t : running) {
            items.add(Reply.map("name", t.name(), "remaining", t.remaining(now)));
        }
        return Reply.of("timer.list", "list", new Reply.Items("timer.item", items));
    }

    /** @param heardOnly no transcript: a name may have been said but is unknown, so one of several is not guessed */
    private static Reply cancel(String name, SkillContext ctx, boolean heardOnly) {
        List<AssistantTimer> running = ctx.timers().running();
        if (heardOnly && running.size() > 1) {
            return Reply.noAction("timer.whichOne");
        }
        List<AssistantTimer> chosen = running.stream()
                .filter(t -> name == null || t.name().equalsIgnoreCase(name)).toList();
        if (name == null && running.size() > 1) {
            chosen = running; // "cancel the timers"
        }
        if (chosen.isEmpty()) {
            return Reply.noAction(running.isEmpty() ? "timer.none" : "timer.notFound", "name",
                    name == null ? "" : name);
        }
        for (AssistantTimer t : chosen) {
            if (ctx.timers().finish(t.id(), AssistantTimer.CANCELLED)) {
                ctx.timersChanged(t);
            }
        }
        return chosen.size() == 1 ? Reply.of("timer.cancelled", "name", chosen.get(0).name())
                : Reply.of("timer.cancelledAll", "count", chosen.size());
    }
}
