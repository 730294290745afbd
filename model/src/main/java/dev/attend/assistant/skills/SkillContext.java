package dev.attend.assistant.skills;

import dev.attend.assistant.store.AssistantTimer;
import dev.attend.assistant.store.HistorySearch;
import dev.attend.assistant.store.NoteRepository;
import dev.attend.assistant.store.TimerRepository;
import dev.attend.translate.Translation;
import java.time.Clock;
import java.util.Optional;

/** What skills may use of the assistant. */
public interface SkillContext {

    Clock clock();

    TimerRepository timers();

    NoteRepository notes();

    /** Past-session search, if the history feature is wired. */
    Optional<HistorySearch> history();

    /** A new timer was created or one was cancelled: (re)schedule its alarm. */
    void timersChanged(AssistantTimer changed);

    /** The last thing the user said that was not a command (the utterance "translate that" refers to). */
    Optional<String> lastUtterance();

    /** The last reply's template result, for "repeat". */
    Optional<dev.attend.assistant.Reply> lastReply();

    /** The target language when the command names none (an Apertium code, e.g. {@code spa}). */
    String defaultTargetLanguage();

    /**
     * Translates {@code text} from English into {@code targetCode}.
     *
     * @throws dev.attend.translate.TranslatorUnavailableException when that pair is not installed
     */
    Translation translate(String text, String targetCode);

    /** Stops speaking and forgets the command in progress. */
    void stopSpeaking();
}
