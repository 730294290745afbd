package dev.attend.assistant.skills;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The skills by intent. The one place a new skill is registered. */
public final class SkillRegistry {

    private final Map<String, Skill> skills = new LinkedHashMap<>();

    /** Every built-in skill. */
    public static SkillRegistry builtIn() {
        return new SkillRegistry(List.of(new TimeSkill(), new DateSkill(), new TimerSkill(), new NoteSkill(),
                new SearchSkill(), new TranslateLastSkill(), new RepeatSkill(), new StopSkill()));
    }

    public SkillRegistry(List<Skill> skills) {
        skills.forEach(this::register);
    }

    /** @throws IllegalArgumentException when another skill already serves that intent */
    public SkillRegistry register(Skill skill) {
        Skill old = skills.putIfAbsent(skill.intent(), skill);
        if (old != null && old != skill) {
            throw new IllegalArgumentException("intent '" + skill.intent() + "' already has a skill: "
                    + old.getClass().getSimpleName());
        }
        return this;
    }

    public Optional<Skill> forIntent(String intent) {
        return Optional.ofNullable(skills.get(intent));
    }

    public List<String> intents() {
        return List.copyOf(skills.keySet());
    }
}
