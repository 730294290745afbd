package dev.attend.assistant.skills;

import dev.attend.assistant.Reply;
import dev.attend.assistant.intent.Intents;
import dev.attend.assistant.slots.Slots;
import dev.attend.translate.TranslationException;
import java.util.Optional;

/** "Translate that (into Spanish)" → the last utterance, translated offline with Apertium. */
public final class TranslateLastSkill implements Skill {

    @Override
    public String intent() {
        return Intents.TRANSLATE_LAST;
    }

    @Override
    public Reply handle(String text, Slots slots, SkillContext ctx) {
        Optional<String> last = ctx.lastUtterance();
        if (last.isEmpty()) {
            return Reply.noAction("translate.nothing");
        }
        String target = slots.language() != null ? slots.language() : ctx.defaultTargetLanguage();
        Reply.Language language = new Reply.Language(target);
        try {
            return Reply.of("translate.result", "language", language, "text", ctx.translate(last.get(), target).target());
        } catch (TranslationException | IllegalArgumentException e) {
            return Reply.noAction("translate.unavailable", "language", language, "reason", e.getMessage());
        }
    }
}
