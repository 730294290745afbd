package dev.attend.assistant.skills;

import dev.attend.assistant.Reply;
import dev.attend.assistant.intent.Intents;
import dev.attend.assistant.slots.Slots;
import dev.attend.assistant.store.HistorySearch;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** "What did I say about the budget" → the best matches from past sessions, read out and shown. */
public final class SearchSkill implements Skill {

    static final int RESULTS = 3;

    @Override
    public String intent() {
        return Intents.SEARCH;
    }

    @Override
    public Reply handle(String text, Slots slots, SkillContext ctx) {
        if (text == null || text.isBlank()) {
            return Reply.noAction("search.needsSpeech"); // the audio head cannot hear what to look for
        }
        if (slots.query() == null) {
            return Reply.noAction("search.noQuery");
        }
        Optional<HistorySearch> history = ctx.history();
        if (history.isEmpty()) {
            return Reply.noAction("search.unavailable");
        }
        List<HistorySearch.Hit> hits = history.get().search(slots.query(), RESULTS);
        if (hits.isEmpty()) {
            return Reply.of("search.noResults", "query", slots.query());
        }
        List<Map<String, Object>> items = hits.stream()
                .map(h -> Reply.map("text", h.text(), "when", h.when())).toList();
        return Reply.of("search.results", "query", slots.query(), "list", new Reply.Items("search.item", items));
    }
}
