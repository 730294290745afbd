package dev.attend.assistant;

import dev.attend.concurrent.AttendThreads;
import dev.attend.event.AsrEvents;
import dev.attend.event.AssistantEvents;
import dev.attend.event.AttendEvent;
import dev.attend.event.CoreEvents;
import dev.attend.event.EventBus;
import dev.attend.event.EventSink;
import dev.attend.event.FusionEvent;
import dev.attend.event.VadEvent;
import dev.attend.event.WakeEvent;
import dev.attend.pipeline.Pipeline;
import dev.attend.pipeline.Stage;
import dev.attend.pipeline.StageContext;
import dev.attend.token.Token;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The assistant in a session, as an event stage: it opens a command on a wake word, push-to-talk or look-to-talk,
 * ends it at the VAD's end of speech (waiting briefly for the transcript) or a timeout, and hands it to the
 * {@link Assistant}. The command's audio tokens come from the token bus. While a reply is spoken, wake-word and
 * speech-recognition events within the reply's media-time span are gated (never acted on), so the assistant never
 * wakes or answers itself. Calls from other threads (typed commands, push-to-talk, look-to-talk, deadlines) and the
 * stage thread are serialized on this object. The stage does not own the assistant: it attaches it for the session.
 */
public final class AssistantStage implements Stage<AttendEvent> {

    public static final String NAME = "assistant";
    private static final long FAST_TOKEN_WAIT_MS = 10_000; // a file read fast: tokens may lag, and no user waits
    private final Assistant assistant;
    private final TapOptions options;
    private final Listening listening;
    private volatile boolean running;
    private boolean ended;
    private final CommandAudio audio = new CommandAudio();
    private final SelfGate gate;
    private final RecentEvents recent;
    private final ScheduledExecutorService helper = Executors.newSingleThreadScheduledExecutor(
            AttendThreads.factory("assistant-commands"));
    private EventSink events = EventSink.discard();
    private EventBus.Subscription tokenSubscription;
    private volatile double mediaNow;
    private final OpenCommand cmd = new OpenCommand();

    public AssistantStage(Assistant assistant, TapOptions options) {
        this.assistant = assistant;
        this.options = options;
        this.gate = new SelfGate(options.gateTailSeconds());
        this.recent = new RecentEvents(2 * TapOptions.FAST_LAG + options.maxCommandSeconds());
        this.listening = new Listening(options);
    }

    /** Adds this stage to a session, fed with what starts and ends commands. */
    public Pipeline.Builder addTo(Pipeline.Builder b) {
        return b.eventStage(this, CoreEvents.SessionStart.class, CoreEvents.Level.class, WakeEvent.class,
                VadEvent.class, AsrEvents.Partial.class, AsrEvents.Final.class, FusionEvent.class);
    }

    public Assistant assistant() {
        return assistant;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public synchronized void start(StageContext ctx) {
        events = ctx.events();
        assistant.attach(events, () -> mediaNow, this::speaking, listening::ids);
        tokenSubscription = ctx.tokens().subscribe(Token.class, Token.only(Token.Modality.AUDIO, audio::add));
        running = true;
        helper.execute(assistant::warmUpAudio); // load the audio head now, not on the first spoken command
    }

    /** Between the session's start and this stage's close: push-to-talk and typed commands reach the session. */
    public boolean running() {
        return running;
    }

    @Override
    public synchronized void process(AttendEvent e, StageContext ctx) {
        long nanos = System.nanoTime();
        if (!(e instanceof AsrEvents.Final) && e.t() > mediaNow) {
            mediaNow = e.t();
        }
        if (e instanceof CoreEvents.SessionStart) {
            events.emit(new AssistantEvents.State(0, AssistantEvents.IDLE, null, listening.ids(), "session"));
        } else if (e instanceof WakeEvent w) {
            if (listening.wakes(w.model()) && !gate.gated(w.t())) {
                activate(w.t(), ListeningMode.WAKE_WORD);
            }
        } else if (e instanceof VadEvent v) {
            recent.remember(e, mediaNow);
            vad(v, nanos);
        } else if (e instanceof AsrEvents.Partial p) {
            recent.remember(e, mediaNow);
            if (cmd.mode != null && p.t() > cmd.activation && !gate.gated(p.t())) {
                cmd.speech = true;
                cmd.heard = true;
            }
        } else if (e instanceof AsrEvents.Final f) {
            recent.remember(e, mediaNow);
            finalTranscript(f, nanos);
        } else if (e instanceof FusionEvent f) {
            addressee(f.t(), f.addressee());
        }
        checkTimeouts();
    }

    /** End of the session: answer a command that has speech, drop one that has none. */
    @Override
    public synchronized void end(StageContext ctx) {
        if (cmd.mode == null) {
            return;
        }
        ended = true; // no more tokens will come
        if (cmd.speech || cmd.heard) {
            decide(Double.isNaN(cmd.vadEnd) ? mediaNow : cmd.vadEnd, System.nanoTime(), null);
        } else {
            idle("timeout");
        }
    }

    @Override
    public void close() {
        running = false;
        helper.shutdownNow();
        synchronized (this) {
            if (tokenSubscription != null) {
                tokenSubscription.close();
            }
            assistant.detach();
        }
    }

    /** A typed command (the command box); answered on the assistant's command thread. */
    public void typed(String text) {
        helper.execute(() -> {
            synchronized (this) {
                assistant.handle(Command.typed(mediaNow, text));
            }
        });
    }

    /** Push-to-talk: listen for a command now. */
    public void pushToTalk() {
        helper.execute(() -> {
            synchronized (this) {
                activate(mediaNow, ListeningMode.PUSH_TO_TALK);
            }
        });
    }

    /** Look-to-talk hook: the fusion model's addressee probability at media time {@code t}. */
    public synchronized void addressee(double t, double probability) {
        if (listening.looks(probability)) {
            activate(t, ListeningMode.LOOK_TO_TALK);
        }
    }

    /** The wake-word models that open a command from now on (the session must run them to hear them). */
    public synchronized void wakeWords(Set<String> names) {
        listening.wakeWords(names);
    }

    /** Look-to-talk opens at {@code threshold} and re-arms {@code hysteresis} below it. */
    public synchronized void lookToTalk(double threshold, double hysteresis) {
        listening.lookToTalk(threshold, hysteresis);
    }

    /** The listening modes switched on. */
    public synchronized Set<ListeningMode> modes() {
        return listening.modes();
    }

    /** Switches a listening mode on or off (typed commands and push-to-talk stay on). */
    public synchronized void mode(ListeningMode mode, boolean on) {
        listening.mode(mode, on);
        events.emit(new AssistantEvents.State(mediaNow, cmd.mode == null ? AssistantEvents.IDLE
                : AssistantEvents.LISTENING, cmd.mode == null ? null : cmd.mode.id(), listening.ids(), "modes"));
    }

    // the command window (under this object's lock)

    /** The assistant speaks from media time {@code t} for {@code seconds} (called without the stage's lock). */
    private void speaking(double t, double seconds) {
        gate.speaking(options.live() ? Math.max(t, mediaNow) : t, seconds);
    }

    private void activate(double t, ListeningMode mode) {
        if (cmd.mode != null || gate.gated(t)) {
            return;
        }
        cmd.open(mode, t);
        events.emit(new AssistantEvents.State(t, AssistantEvents.LISTENING, mode.id(), listening.ids(), null));
        replay(t);
    }

    /** Replays what already arrived of the command just opened at {@code t}, in arrival order. */
    private void replay(double t) {
        for (AttendEvent e : recent.endingAfter(t)) {
            if (cmd.mode == null) {
                return;
            }
            if (gate.gated(e.t())) {
                continue;
            }
            if (e instanceof VadEvent v) {
                vad(v, System.nanoTime());
            } else if (e instanceof AsrEvents.Partial) {
                cmd.speech = true;
                cmd.heard = true;
            } else if (e instanceof AsrEvents.Final f) {
                finalTranscript(f, System.nanoTime());
            }
        }
    }

    private void vad(VadEvent v, long nanos) {
        if (cmd.mode == null || gate.gated(v.t())) {
            return;
        }
        if ("start".equals(v.event()) && v.start() >= cmd.activation - 0.3) {
            cmd.speech = true;
        } else if ("end".equals(v.event()) && v.end() - cmd.activation >= options.minCommandSeconds()) {
            cmd.speech = true;
            if (!options.asr()) {
                decide(v.end(), nanos, null);
            } else {
                cmd.vadEnd = v.end();
                cmd.vadEndNanos = nanos;
                cmd.graceDeadline = nanos + TimeUnit.MILLISECONDS.toNanos(options.asrGraceMillis());
                long deadline = cmd.graceDeadline;
                helper.schedule(() -> graceOver(deadline), options.asrGraceMillis() + 1, TimeUnit.MILLISECONDS);
            }
        }
    }

    /** The recognizer wrote nothing for the speech the VAD heard: decide on the audio alone. */
    private synchronized void graceOver(long deadline) {
        if (cmd.mode != null && cmd.graceDeadline == deadline) {
            decide(cmd.vadEnd, cmd.vadEndNanos, null);
        }
    }

    private void finalTranscript(AsrEvents.Final f, long nanos) {
        if (gate.gated(f.t())) {
            return;
        }
        if (cmd.mode == null) {
            assistant.heard(f.text());
            return;
        }
        cmd.heard |= f.end() > cmd.activation;
        String text = CommandText.after(f, cmd.activation);
        if (!text.isEmpty()) {
            decide(f.end(), nanos, text);
        } else if (!Double.isNaN(cmd.vadEnd) && f.end() >= cmd.vadEnd - 0.5) {
            decide(cmd.vadEnd, cmd.vadEndNanos, null);
        }
    }

    private void checkTimeouts() {
        if (cmd.mode == null) {
            return;
        }
        double now = mediaNow - (options.fast() ? TapOptions.FAST_LAG : 0);
        if (!cmd.speech && !cmd.heard && now > cmd.activation + options.startTimeout()) {
            idle("timeout");
        } else if (now > cmd.activation + options.maxCommandSeconds()) {
            decide(now, System.nanoTime(), null);
        }
    }

    private void idle(String reason) {
        ListeningMode m = cmd.mode;
        cmd.mode = null;
        events.emit(new AssistantEvents.State(mediaNow, AssistantEvents.IDLE, m == null ? null : m.id(), listening.ids(),
                reason));
    }

    private void decide(double end, long nanos, String text) {
        ListeningMode mode = cmd.mode;
        double start = cmd.activation;
        cmd.mode = null;
        cmd.graceDeadline = 0;
        // no transcript: the audio head decides, its tail after the speech padded with silence (see CommandAudio)
        float[] silence = text == null ? assistant.audioSilence() : null;
        long wait = text != null || ended ? 0 : options.fast() ? FAST_TOKEN_WAIT_MS : CommandAudio.liveWait(silence);
        assistant.handle(new Command(end, mode, text, audio.command(start, end, wait, silence), nanos));
    }
}
