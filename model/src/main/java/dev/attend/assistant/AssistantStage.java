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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumSet;
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
    private static final double TOKEN_HISTORY_SECONDS = 30;

    private record Item(AttendEvent event, long nanos) {
    }

    private final Assistant assistant;
    private final TapOptions options;
    private final Set<ListeningMode> modes = EnumSet.noneOf(ListeningMode.class);
    private LookToTalk lookToTalk = LookToTalk.defaults();
    private Set<String> wakeWords;
    private volatile boolean running;
    private final ArrayDeque<Token> tokens = new ArrayDeque<>();
    private final List<double[]> gates = new ArrayList<>();
    /** Recent VAD and recognizer events: stages run at their own pace, so in a fast session the command's
     *  transcript may arrive before the wake event that opened it. */
    private final ArrayDeque<Item> recent = new ArrayDeque<>();
    private final ScheduledExecutorService helper = Executors.newSingleThreadScheduledExecutor(
            AttendThreads.factory("assistant-commands"));
    private EventSink events = EventSink.discard();
    private EventBus.Subscription tokenSubscription;
    private volatile double mediaNow;
    private ListeningMode activeMode;
    private double activation = Double.NaN;
    private boolean speech;
    /** The recognizer wrote something after activation (a partial or final), even if no word survived. */
    private boolean heard;
    private double vadEnd = Double.NaN;
    private long vadEndNanos;
    private long graceDeadline;

    public AssistantStage(Assistant assistant, TapOptions options) {
        this.assistant = assistant;
        this.options = options;
        this.modes.addAll(options.modes());
        this.wakeWords = options.wakeWords();
        this.modes.add(ListeningMode.TYPED);
        this.modes.add(ListeningMode.PUSH_TO_TALK);
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
        assistant.attach(events, this::now, this::speaking, this::modeIds);
        tokenSubscription = ctx.tokens().subscribe(Token.class, Token.only(Token.Modality.AUDIO, this::onToken));
        running = true;
    }

    /** Between the session's start and this stage's close: push-to-talk and typed commands reach the session. */
    public boolean running() {
        return running;
    }

    private double now() {
        return mediaNow;
    }

    @Override
    public synchronized void process(AttendEvent e, StageContext ctx) {
        long nanos = System.nanoTime();
        if (!(e instanceof AsrEvents.Final) && e.t() > mediaNow) {
            mediaNow = e.t();
        }
        if (e instanceof CoreEvents.SessionStart) {
            events.emit(new AssistantEvents.State(0, AssistantEvents.IDLE, null, modeIds(), "session"));
        } else if (e instanceof WakeEvent w) {
            if (modes.contains(ListeningMode.WAKE_WORD) && wakeWords.contains(w.model()) && !gated(w.t())) {
                activate(w.t(), ListeningMode.WAKE_WORD);
            }
        } else if (e instanceof VadEvent v) {
            remember(e, nanos);
            vad(v, nanos);
        } else if (e instanceof AsrEvents.Partial p) {
            remember(e, nanos);
            if (activeMode != null && p.t() > activation && !gated(p.t())) {
                speech = true;
                heard = true;
            }
        } else if (e instanceof AsrEvents.Final f) {
            remember(e, nanos);
            finalTranscript(f, nanos);
        } else if (e instanceof FusionEvent f) {
            addressee(f.t(), f.addressee());
        }
        checkTimeouts();
    }

    /** End of the session: answer a command that has speech, drop one that has none. */
    @Override
    public synchronized void end(StageContext ctx) {
        if (activeMode == null) {
            return;
        }
        if (speech || heard) {
            decide(Double.isNaN(vadEnd) ? mediaNow : vadEnd, System.nanoTime(), null);
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

    // from other threads

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
        if (lookToTalk.accept(probability) && modes.contains(ListeningMode.LOOK_TO_TALK)) {
            activate(t, ListeningMode.LOOK_TO_TALK);
        }
    }

    /** The wake-word models that open a command from now on (the session must run them to hear them). */
    public synchronized void wakeWords(Set<String> names) {
        wakeWords = Set.copyOf(names);
    }

    /** Look-to-talk opens at {@code threshold} and re-arms {@code hysteresis} below it. */
    public synchronized void lookToTalk(double threshold, double hysteresis) {
        lookToTalk = new LookToTalk(threshold, Math.max(0, threshold - hysteresis));
    }

    /** The listening modes switched on. */
    public synchronized Set<ListeningMode> modes() {
        return Set.copyOf(modes);
    }

    /** Switches a listening mode on or off (typed commands and push-to-talk stay on). */
    public synchronized void mode(ListeningMode mode, boolean on) {
        if (on) {
            modes.add(mode);
        } else if (mode != ListeningMode.TYPED && mode != ListeningMode.PUSH_TO_TALK) {
            modes.remove(mode);
        }
        events.emit(new AssistantEvents.State(mediaNow, activeMode == null ? AssistantEvents.IDLE
                : AssistantEvents.LISTENING, activeMode == null ? null : activeMode.id(), modeIds(), "modes"));
    }

    private void onToken(Token t) {
        synchronized (tokens) {
            tokens.addLast(t);
            while (!tokens.isEmpty() && tokens.peekFirst().t() < t.t() - TOKEN_HISTORY_SECONDS) {
                tokens.removeFirst();
            }
        }
    }

    // the command window (under this object's lock)

    private boolean gated(double t) {
        synchronized (gates) {
            for (double[] g : gates) {
                if (t >= g[0] && t <= g[1]) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The assistant speaks from media time {@code t} for {@code seconds}: gate that span. Its own lock, not the
     * stage's: a timer's alarm calls this from the timer thread while the stage may be waiting for the assistant.
     */
    private void speaking(double t, double seconds) {
        double from = options.live() ? Math.max(t, mediaNow) : t;
        synchronized (gates) {
            gates.removeIf(g -> g[1] < from - 60);
            gates.add(new double[] {from, from + seconds + options.gateTailSeconds()});
        }
    }

    private List<String> modeIds() {
        return modes.stream().map(ListeningMode::id).toList();
    }

    private void activate(double t, ListeningMode mode) {
        if (activeMode != null || gated(t)) {
            return;
        }
        activeMode = mode;
        activation = t;
        speech = false;
        heard = false;
        vadEnd = Double.NaN;
        graceDeadline = 0;
        events.emit(new AssistantEvents.State(t, AssistantEvents.LISTENING, mode.id(), modeIds(), null));
        replay(t);
    }

    private void remember(AttendEvent e, long nanos) {
        recent.addLast(new Item(e, nanos));
        double horizon = mediaNow - 2 * TapOptions.FAST_LAG - options.maxCommandSeconds();
        while (!recent.isEmpty() && end(recent.peekFirst().event()) < horizon) {
            recent.removeFirst();
        }
    }

    private static double end(AttendEvent e) {
        return e instanceof AsrEvents.Final f ? f.end() : e instanceof VadEvent v && v.end() != null ? v.end() : e.t();
    }

    /** Replays what already arrived of the command just opened at {@code t}, in arrival order. */
    private void replay(double t) {
        for (Item i : List.copyOf(recent)) {
            AttendEvent e = i.event();
            if (activeMode == null) {
                return;
            }
            if (end(e) <= t || gated(e.t())) {
                continue;
            }
            if (e instanceof VadEvent v) {
                vad(v, System.nanoTime());
            } else if (e instanceof AsrEvents.Partial) {
                speech = true;
                heard = true;
            } else if (e instanceof AsrEvents.Final f) {
                finalTranscript(f, System.nanoTime());
            }
        }
    }

    private void vad(VadEvent v, long nanos) {
        if (activeMode == null || gated(v.t())) {
            return;
        }
        if ("start".equals(v.event()) && v.start() >= activation - 0.3) {
            speech = true;
        } else if ("end".equals(v.event()) && v.end() - activation >= options.minCommandSeconds()) {
            speech = true;
            if (!options.asr()) {
                decide(v.end(), nanos, null);
            } else {
                vadEnd = v.end();
                vadEndNanos = nanos;
                graceDeadline = nanos + TimeUnit.MILLISECONDS.toNanos(options.asrGraceMillis());
                long deadline = graceDeadline;
                helper.schedule(() -> graceOver(deadline), options.asrGraceMillis() + 1, TimeUnit.MILLISECONDS);
            }
        }
    }

    /** The recognizer wrote nothing for the speech the VAD heard: decide on the audio alone. */
    private synchronized void graceOver(long deadline) {
        if (activeMode != null && graceDeadline == deadline) {
            decide(vadEnd, vadEndNanos, null);
        }
    }

    private void finalTranscript(AsrEvents.Final f, long nanos) {
        if (gated(f.t())) {
            return;
        }
        if (activeMode == null) {
            assistant.heard(f.text());
            return;
        }
        heard |= f.end() > activation;
        StringBuilder text = new StringBuilder();
        if (f.words().isEmpty()) {
            if (f.t() >= activation - 0.3) {
                text.append(f.text());
            }
        } else {
            for (AsrEvents.Word w : f.words()) {
                if (w.end() > activation + 0.05 && w.start() >= activation - 0.3) {
                    text.append(text.length() == 0 ? "" : " ").append(w.word());
                }
            }
        }
        if (text.length() > 0) {
            decide(f.end(), nanos, text.toString());
        } else if (!Double.isNaN(vadEnd) && f.end() >= vadEnd - 0.5) {
            decide(vadEnd, vadEndNanos, null);
        }
    }

    private void checkTimeouts() {
        if (activeMode == null) {
            return;
        }
        double now = mediaNow - (options.fast() ? TapOptions.FAST_LAG : 0);
        if (!speech && !heard && now > activation + options.startTimeout()) {
            idle("timeout");
        } else if (now > activation + options.maxCommandSeconds()) {
            decide(now, System.nanoTime(), null);
        }
    }

    private void idle(String reason) {
        ListeningMode m = activeMode;
        activeMode = null;
        events.emit(new AssistantEvents.State(mediaNow, AssistantEvents.IDLE, m == null ? null : m.id(), modeIds(),
                reason));
    }

    private void decide(double end, long nanos, String text) {
        ListeningMode mode = activeMode;
        double start = activation;
        activeMode = null;
        graceDeadline = 0;
        List<Token> command = new ArrayList<>();
        synchronized (tokens) {
            for (Token t : tokens) {
                if (t.t() >= start && t.t() <= end + 0.1) {
                    command.add(t);
                }
            }
        }
        assistant.handle(new Command(end, mode, text, command, nanos));
    }
}
