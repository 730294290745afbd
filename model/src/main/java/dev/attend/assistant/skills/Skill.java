package dev.attend.assistant.skills;

import dev.attend.assistant.Reply;
import dev.attend.assistant.slots.Slots;

/**
 * One thing the assistant can do, for one intent. Adding a skill = a class implementing this, registered in
 * {@link SkillRegistry#builtIn} (or passed to the registry): nothing else changes. Called on the assistant's worker
 * thread; must not block for long (a translation or a search is fine, a download is not).
 */
public interface Skill {

    /** The intent this skill serves, e.g. {@code timer}. */
    String intent();

    /**
     * @param text  the command's transcript or typed text (empty when only the audio head understood it)
     * @param slots what the command says besides its intent
     */
    Reply handle(String text, Slots slots, SkillContext ctx);
}
