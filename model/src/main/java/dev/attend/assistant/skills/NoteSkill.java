package dev.attend.assistant.skills;

import dev.attend.assistant.Reply;
import dev.attend.assistant.intent.Intents;
import dev.attend.assistant.slots.Slots;
import dev.attend.assistant.store.Note;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Notes: create ("note that …"), read back the last, list today's. Without a transcript a note cannot be written (its
 * words are unknown): the reply says that it needs a speech model or typing; reading back and listing work.
 */
public final class NoteSkill implements Skill {

    @Override
    public String intent() {
        return Intents.NOTE;
    }

    @Override
    public Reply handle(String text, Slots slots, SkillContext ctx) {
        boolean heardOnly = text == null || text.isBlank(); // the audio head's slots
        if (heardOnly && !"last".equals(slots.action()) && !"today".equals(slots.action())) {
            // a note's words need a transcript; an unsure action is not guessed
            return Reply.noAction("create".equals(slots.action()) ? "note.needsSpeech" : "note.unsure");
        }
        return switch (slots.action() == null ? "create" : slots.action()) {
            case "last" -> {
                Optional<Note> last = ctx.notes().last();
                yield last.map(n -> Reply.of("note.last", "text", n.text())).orElseGet(() -> Reply.of("note.noNotes"));
            }
            case "today" -> today(ctx);
            default -> {
                if (slots.text() == null || slots.text().isBlank()) {
                    yield Reply.noAction("note.empty");
                }
                Note n = ctx.notes().add(slots.text(), ctx.clock().instant());
                yield Reply.of("note.saved", "text", n.text());
            }
        };
    }

    private static Reply today(SkillContext ctx) {
        ZoneId zone = ctx.clock().getZone();
        LocalDate day = LocalDate.now(ctx.clock());
        List<Note> notes = ctx.notes().between(day.atStartOfDay(zone).toInstant(),
                day.plusDays(1).atStartOfDay(zone).toInstant());
        if (notes.isEmpty()) {
            return Reply.of("note.noneToday");
        }
        List<Map<String, Object>> items = notes.stream().map(n -> Reply.map("text", n.text())).toList();
        return Reply.of("note.today", "list", new Reply.Items("note.item", items));
    }
}
