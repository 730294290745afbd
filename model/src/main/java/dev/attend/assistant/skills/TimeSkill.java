package dev.attend.assistant.skills;

import dev.attend.assistant.Reply;
import dev.attend.assistant.intent.Intents;
import dev.attend.assistant.slots.Slots;
import java.time.LocalTime;

/** "What time is it" → the local time (to the minute). */
public final class TimeSkill implements Skill {

    @Override
    public String intent() {
        return Intents.TIME;
    }

    @Override
    public Reply handle(String text, Slots slots, SkillContext ctx) {
        return Reply.of("time", "time", LocalTime.now(ctx.clock()).withSecond(0).withNano(0));
    }
}
