package dev.attend.assistant.skills;

import dev.attend.assistant.Reply;
import dev.attend.assistant.intent.Intents;
import dev.attend.assistant.slots.Slots;

/** "Say that again" → the last reply, unchanged. */
public final class RepeatSkill implements Skill {

    @Override
    public String intent() {
        return Intents.REPEAT;
    }

    @Override
    public Reply handle(String text, Slots slots, SkillContext ctx) {
        return ctx.lastReply().orElseGet(() -> Reply.noAction("repeat.nothing"));
    }
}
