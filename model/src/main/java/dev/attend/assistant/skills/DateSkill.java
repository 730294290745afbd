package dev.attend.assistant.skills;

import dev.attend.assistant.Reply;
import dev.attend.assistant.intent.Intents;
import dev.attend.assistant.slots.Slots;
import java.time.LocalDate;

/** "What's the date" → today's date with the day of the week. */
public final class DateSkill implements Skill {

    @Override
    public String intent() {
        return Intents.DATE;
    }

    @Override
    public Reply handle(String text, Slots slots, SkillContext ctx) {
        return Reply.of("date", "date", LocalDate.now(ctx.clock()));
    }
}
