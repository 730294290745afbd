package dev.attend.assistant;

import dev.attend.event.AssistantEvents;
import dev.attend.assistant.intent.AudioIntentModel;
import dev.attend.assistant.intent.IntentCombiner;
import dev.attend.assistant.intent.IntentDecision;
import dev.attend.assistant.intent.Intents;
import dev.attend.assistant.intent.TextIntentClassifier;
import dev.attend.assistant.skills.Skill;
import dev.attend.assistant.skills.SkillContext;
import dev.attend.assistant.skills.SkillRegistry;
import dev.attend.assistant.slots.Slots;
import dev.attend.assistant.speech.SpeechSettings;
import dev.attend.assistant.speech.SpeechSynthesizer;
import dev.attend.assistant.store.AssistantTimer;
import dev.attend.assistant.store.HistorySearch;
import dev.attend.assistant.store.NoteRepository;
import dev.attend.assistant.store.StoreException;
import dev.attend.assistant.store.TimerRepository;
import dev.attend.event.EventSink;
import dev.attend.token.Token;
import dev.attend.translate.Translation;
import dev.attend.translate.Translator;
import java.time.Clock;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Understands commands and answers them: the transcript's intent (MiniLM over the phrase file) and the audio head's
 * opinion are combined, slots are read, the intent's skill runs, and the reply goes out as events, on the log and
 * through the speaker. Commands are handled one at a time. Low confidence never acts: "Sorry, I didn't catch that".
 */
public final class Assistant implements SkillContext, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Assistant.class);

    /** Everything an assistant is made of. {@code audioModel}, {@code history}, {@code synthesizer} may be null. */
    public record Parts(TextIntentClassifier classifier, AudioIntentModel audioModel, IntentCombiner combiner,
                        SkillRegistry skills, TimerRepository timers, NoteRepository notes, HistorySearch history,
                        Function<String, Translator> translators, ReplyTemplates templates,
                        SpeechSynthesizer synthesizer, SpeechSettings speech, Clock clock, String targetLanguage) {
    }

    /** The result of one command. */
    public record Outcome(IntentDecision decision, Reply reply, ReplyTemplates.Rendered rendered, double spokenSeconds) {
    }

    /** Told when a reply will be heard from media time {@code t} for {@code seconds}: gate input for that span. */
    @FunctionalInterface
    public interface SpeakingGate {
        void speaking(double t, double seconds);
    }

    private final Parts p;
    private final EventSink home;
    private final DoubleSupplier homeTime;
    private volatile EventSink events;
    private volatile DoubleSupplier mediaTime;
    private volatile SpeakingGate gate = (t, s) -> { };
    private final Speaker speaker;
    private final TimerAlarms alarms;
    private final Understanding understanding;
    private final Map<String, Translator> openTranslators = new ConcurrentHashMap<>();
    private volatile Supplier<List<String>> modes = List::of;
    private volatile String lastUtterance;
    private volatile Reply lastReply;
    private int commands;

    public Assistant(Parts parts, EventSink events, DoubleSupplier mediaTime) {
        this.p = Objects.requireNonNull(parts);
        this.home = Objects.requireNonNull(events);
        this.homeTime = Objects.requireNonNull(mediaTime);
        this.events = home;
        this.mediaTime = homeTime;
        this.speaker = new Speaker(parts.synthesizer(), parts.speech(), e -> this.events.emit(e), () -> modes.get());
        this.alarms = new TimerAlarms(parts.timers(), parts.clock(), this::timerDue);
        this.understanding = new Understanding(parts.classifier(), parts.audioModel(), parts.combiner());
    }

    /** Embeds the phrases and schedules persisted timers. Call once before the first command. */
    public void start() {
        start(true);
    }

    /**
     * @param timers schedule persisted timers (false for a one-shot command such as {@code attend ask}, which would
     *               otherwise announce missed timers and exit mid-sentence)
     */
    public void start(boolean timers) {
        p.classifier().warmUp();
        p.classifier().classify("warm up"); // the first inference of a fresh ONNX session is several times slower
        if (timers) {
            alarms.start();
        }
    }

    /** Loads the audio head and runs it once (a fresh model's first pass is its slowest); a session calls this. */
    public void warmUpAudio() {
        Optional.ofNullable(audioSilence())
                .ifPresent(q -> p.audioModel().intentProbabilities(List.of(Token.audio(0, 0.072, q))));
    }

    /**
     * A session takes the assistant over: its events go to {@code sessionEvents}, times are that session's media
     * times and spoken replies gate its input. {@link #detach} gives it back to the sink it was made with.
     */
    public synchronized void attach(EventSink sessionEvents, DoubleSupplier sessionTime, SpeakingGate speakingGate,
                                    Supplier<List<String>> sessionModes) {
        events = Objects.requireNonNull(sessionEvents);
        mediaTime = Objects.requireNonNull(sessionTime);
        gate = Objects.requireNonNull(speakingGate);
        modes = Objects.requireNonNull(sessionModes);
    }

    public synchronized void detach() {
        events = home;
        mediaTime = homeTime;
        gate = (t, s) -> { };
        modes = List::of;
    }

    public SpeechSettings speechSettings() {
        return speaker.settings();
    }

    public void speechSettings(SpeechSettings s) {
        speaker.settings(s);
    }

    /** The audio head's silence token, to pad a command's tail at the end of speech; null without one. */
    public float[] audioSilence() {
        return p.audioModel() == null ? null : p.audioModel().silenceToken();
    }

    /** Remembers what the user said (not a command), for "translate that". */
    public void heard(String utterance) {
        if (utterance != null && !utterance.isBlank()) {
            lastUtterance = utterance.strip();
        }
    }

    /** Understands and answers one command; emits {@code assistant.intent} and {@code assistant.reply}. */
    public synchronized Outcome handle(Command c) {
        int id = ++commands;
        events.emit(new AssistantEvents.State(c.t(), AssistantEvents.THINKING, c.mode().id(), modes.get(), null));
        Understanding.Result u = understanding.understand(c);
        IntentDecision d = u.decision();
        events.emit(new AssistantEvents.Intent(c.t(), id, c.mode().id(), u.text().isEmpty() ? null : u.text(),
                d.intent(), d.confidence(), d.understood(), d.text() == null ? null : d.text().toEvent(),
                d.audio() == null ? null : d.audio().toEvent(), u.slots().toEvent()));
        return reply(c, id, d, answer(d, u.text(), u.slots()));
    }

    private Reply answer(IntentDecision d, String text, Slots slots) {
        if (!d.understood()) {
            return Reply.notUnderstood();
        }
        Optional<Skill> skill = p.skills().forIntent(d.intent());
        if (skill.isEmpty()) {
            LOG.warn("intent '{}' has no skill; add one or remove its phrases", d.intent());
            return Reply.notUnderstood();
        }
        try {
            return skill.get().handle(text, slots, this);
        } catch (StoreException | IllegalStateException e) {
            LOG.error("skill {} failed", d.intent(), e);
            return Reply.noAction("error", "reason", e.getMessage());
        }
    }

    private Outcome reply(Command c, int id, IntentDecision d, Reply reply) {
        ReplyTemplates.Rendered r = p.templates().render(reply);
        if (!"repeat.nothing".equals(reply.key())) {
            lastReply = reply;
        }
        double latencyMs = Math.round((System.nanoTime() - c.endedNanos()) / 1e4) / 100.0;
        events.emit(new AssistantEvents.Reply(c.t(), id, d.intent(), reply.key(), r.display(), speaker.textFor(r),
                r.language(), reply.acted(), !speaker.muted(), latencyMs));
        LOG.info("assistant reply ({} {}, {} ms): {}", d.intent(), d.confidence(), latencyMs, r.display());
        double seconds = Intents.STOP.equals(d.intent()) ? 0 : speaker.say(r, c.t(), c.mode().id());
        if (seconds > 0) {
            gate.speaking(c.t(), seconds);
        }
        if (speaker.muted() || Intents.STOP.equals(d.intent())) {
            events.emit(new AssistantEvents.State(c.t(), AssistantEvents.IDLE, c.mode().id(), modes.get(),
                    speaker.muted() ? "muted" : null));
        }
        return new Outcome(d, reply, r, seconds);
    }

    private void timerDue(AssistantTimer t, boolean missed) {
        double now = mediaTime.getAsDouble();
        events.emit(new AssistantEvents.Timer(now, missed ? "missed" : "due", t.id(), t.name(),
                t.length().toMillis() / 1000.0, t.due().toString()));
        Reply reply = missed ? Reply.of("timer.missed", "name", t.name(), "time", LocalTime.ofInstant(t.due(),
                p.clock().getZone()).withSecond(0).withNano(0)) : Reply.of("timer.due", "name", t.name());
        synchronized (this) {
            ReplyTemplates.Rendered r = p.templates().render(reply);
            events.emit(new AssistantEvents.Reply(now, 0, Intents.TIMER, reply.key(), r.display(), speaker.textFor(r),
                    r.language(), true, !speaker.muted(), 0));
            LOG.info("timer {} '{}' {}: {}", t.id(), t.name(), missed ? "missed" : "due", r.display());
            double seconds = speaker.say(r, now, "timer");
            if (seconds > 0) {
                gate.speaking(now, seconds);
            }
        }
    }

    // SkillContext

    @Override
    public Clock clock() {
        return p.clock();
    }

    @Override
    public TimerRepository timers() {
        return p.timers();
    }

    @Override
    public NoteRepository notes() {
        return p.notes();
    }

    @Override
    public Optional<HistorySearch> history() {
        return Optional.ofNullable(p.history());
    }

    @Override
    public void timersChanged(AssistantTimer changed) {
        alarms.changed(changed);
        String event = AssistantTimer.RUNNING.equals(changed.state())
                && p.timers().running().stream().anyMatch(t -> t.id() == changed.id()) ? "set" : "cancelled";
        events.emit(new AssistantEvents.Timer(mediaTime.getAsDouble(), event, changed.id(), changed.name(),
                changed.length().toMillis() / 1000.0, changed.due().toString()));
    }

    @Override
    public Optional<String> lastUtterance() {
        return Optional.ofNullable(lastUtterance);
    }

    @Override
    public Optional<Reply> lastReply() {
        return Optional.ofNullable(lastReply);
    }

    @Override
    public String defaultTargetLanguage() {
        return p.targetLanguage();
    }

    @Override
    public Translation translate(String text, String targetCode) {
        String pair = "eng-" + targetCode;
        return openTranslators.computeIfAbsent(pair, p.translators()).translate(text);
    }

    /**
     * Cancels one running timer (the UI's cancel button), as "cancel the … timer" would: an {@code assistant.timer}
     * {@code cancelled} event, and its alarm is unscheduled. False when no running timer has that id.
     */
    public boolean cancelTimer(long id) {
        for (AssistantTimer t : p.timers().running()) {
            if (t.id() == id && p.timers().finish(id, AssistantTimer.CANCELLED)) {
                timersChanged(t);
                return true;
            }
        }
        return false;
    }

    /** Waits until the replies so far have been spoken (at most {@code millis}); for commands that exit after. */
    public void awaitQuiet(long millis) {
        speaker.awaitIdle(millis);
    }

    @Override
    public void stopSpeaking() {
        speaker.stop();
    }

    @Override
    public void close() {
        alarms.close();
        speaker.close();
        openTranslators.values().forEach(Translator::close);
    }
}
