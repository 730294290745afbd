package dev.attend.assistant.skills;

import dev.attend.assistant.Reply;
import dev.attend.assistant.intent.Intents;
import dev.attend.assistant.slots.Slots;

/** "Stop" / "cancel" / "never mind": stops speaking and drops the command in progress. */
public final class StopSkill implements Skill {

    @Override
    public String intent() {
        return Intents.STOP;
    }

    @Override
    public Reply handle(String text, Slots slots, SkillContext ctx) {
        ctx.stopSpeaking();
        return Reply.of("stop.ok");
    }
}
