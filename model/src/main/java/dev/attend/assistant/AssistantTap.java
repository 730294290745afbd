package dev.attend.assistant;

import dev.attend.asr.AsrEvents;
import dev.attend.audioenc.features.AudioToken;
import dev.attend.audioenc.features.SpeechFeatureListener;
import dev.attend.audioenc.vad.VadEvent;
import dev.attend.audioenc.wake.WakeEvent;
import dev.attend.event.AttendEvent;
import dev.attend.event.CoreEvents;
import dev.attend.event.EventSink;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The assistant in a session: an event tap in front of the session's sink. It opens a command on a wake word,
 * push-to-talk or look-to-talk, ends it at the VAD's end of speech (waiting briefly for the transcript) or a timeout,
 * and hands it to the {@link Assistant} on its own worker thread. While a reply is spoken, wake-word and speech
 * recognition events within the reply's media-time span are gated: not acted on and not passed on, so the assistant
 * never wakes or transcribes itself. The tap does not own the assistant. {@code emit} never waits, except for {@code session.end}, held until the
 * command in progress is answered.
 */
public final class AssistantTap implements EventSink, SpeechFeatureListener, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AssistantTap.class);
    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final double TOKEN_HISTORY_SECONDS = 30;

    private record Item(AttendEvent event, long nanos) {
    }

    private record Barrier(CountDownLatch done) {
    }

    private final Assistant assistant;
    private final EventSink downstream;
    private final TapOptions options;
    private final Set<ListeningMode> modes = EnumSet.noneOf(ListeningMode.class);
    private final LookToTalk lookToTalk = LookToTalk.defaults();
    private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final ArrayDeque<AudioToken> tokens = new ArrayDeque<>();
    private final List<double[]> gates = new ArrayList<>();
    /** Recent VAD and recognizer events (worker only): stages run at their own pace, so in a fast session the
     *  command's transcript may arrive before the wake event that opened it. */
    private final ArrayDeque<Item> recent = new ArrayDeque<>();
    private final Thread worker;
    private volatile double mediaNow;
    private volatile boolean closed;
    // worker thread only
    private ListeningMode activeMode;
    private double activation = Double.NaN;
    private boolean speech;
    /** The recognizer wrote something after activation (a partial or final), even if no word survived. */
    private boolean heard;
    private double vadEnd = Double.NaN;
    private long graceDeadline;
    private long vadEndNanos;

    /**
     * @param assistant attached to this session until {@link #close} (it may outlive the session: timers keep
     *                  running in the app)
     */
    public AssistantTap(Assistant assistant, EventSink downstream, TapOptions options) {
        this.downstream = downstream;
        this.options = options;
        this.modes.addAll(options.modes());
        this.modes.add(ListeningMode.TYPED);
        this.modes.add(ListeningMode.PUSH_TO_TALK);
        this.assistant = assistant;
        assistant.attach(downstream, () -> mediaNow, this::speaking, this::modeIds);
        this.worker = new Thread(this::work, "attend-assistant-" + THREADS.incrementAndGet());
        this.worker.setDaemon(true);
        this.worker.start();
    }

    public Assistant assistant() {
        return assistant;
    }

    // inputs from other threads

    @Override
    public void emit(AttendEvent event) {
        if (event instanceof CoreEvents.SessionEnd) {
            Barrier b = new Barrier(new CountDownLatch(1));
            if (offer(b)) {
                try {
                    b.done().await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            downstream.emit(event);
            close(); // the session is over: the assistant goes back to its owner
            return;
        }
        boolean ours = event instanceof WakeEvent || event instanceof AsrEvents.Final
                || event instanceof AsrEvents.Partial;
        if (ours && gated(event.t())) {
            LOG.debug("gated while speaking: {}", event.type());
            return;
        }
        downstream.emit(event);
        if (event.t() > mediaNow && !(event instanceof AsrEvents.Final)) {
            mediaNow = event.t();
        }
        if (ours || event instanceof VadEvent || event instanceof CoreEvents.Level
                || event instanceof CoreEvents.SessionStart) {
            offer(new Item(event, System.nanoTime()));
        }
    }

    @Override
    public void onToken(AudioToken token) {
        synchronized (tokens) {
            tokens.addLast(token);
            while (!tokens.isEmpty() && tokens.peekFirst().t() < token.t() - TOKEN_HISTORY_SECONDS) {
                tokens.removeFirst();
            }
        }
    }

    /** A typed command (the command box, {@code attend ask}). */
    public void typed(String text) {
        offer((Runnable) () -> assistant.handle(Command.typed(mediaNow, text)));
    }

    /** Push-to-talk: listen for a command now. */
    public void pushToTalk() {
        offer((Runnable) () -> activate(mediaNow, ListeningMode.PUSH_TO_TALK));
    }

    /** Look-to-talk hook: the fusion model's addressee probability at media time {@code t}. */
    public void addressee(double t, double probability) {
        offer((Runnable) () -> {
            if (lookToTalk.accept(probability) && modes.contains(ListeningMode.LOOK_TO_TALK)) {
                activate(t, ListeningMode.LOOK_TO_TALK);
            }
        });
    }

    /** Switches a listening mode on or off (typed commands and push-to-talk stay on). */
    public void mode(ListeningMode mode, boolean on) {
        offer((Runnable) () -> {
            if (on) {
                modes.add(mode);
            } else if (mode != ListeningMode.TYPED && mode != ListeningMode.PUSH_TO_TALK) {
                modes.remove(mode);
            }
            downstream.emit(new AssistantEvents.State(mediaNow, activeMode == null ? AssistantEvents.IDLE
                    : AssistantEvents.LISTENING, activeMode == null ? null : activeMode.id(), modeIds(), "modes"));
        });
    }

    private synchronized boolean offer(Object item) {
        if (closed) {
            return false;
        }
        queue.add(item);
        return true;
    }

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

    private List<String> modeIds() {
        return modes.stream().map(ListeningMode::id).toList();
    }

    // the worker

    private void work() {
        try {
            while (true) {
                Object item = queue.poll(100, TimeUnit.MILLISECONDS);
                if (item instanceof Item i) {
                    process(i.event(), i.nanos());
                } else if (item instanceof Runnable r) {
                    r.run();
                } else if (item instanceof Barrier b) {
                    finishPending();
                    b.done().countDown();
                } else if (item == null && closed) {
                    return;
                }
                checkDeadlines();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("assistant worker failed", e);
            downstream.emit(new CoreEvents.SourceError(mediaNow, "assistant", String.valueOf(e.getMessage()), false));
        }
    }

    private void process(AttendEvent e, long nanos) {
        if (e instanceof CoreEvents.SessionStart) {
            downstream.emit(new AssistantEvents.State(0, AssistantEvents.IDLE, null, modeIds(), "session"));
        } else if (e instanceof WakeEvent w) {
            if (modes.contains(ListeningMode.WAKE_WORD) && options.wakeWords().contains(w.model()) && !gated(w.t())) {
                activate(w.t(), ListeningMode.WAKE_WORD);
            }
        } else if (e instanceof VadEvent v) {
            remember(e, nanos);
            vad(v, nanos);
        } else if (e instanceof AsrEvents.Partial p) {
            remember(e, nanos);
            speech |= activeMode != null && p.t() > activation;
            heard |= activeMode != null && p.t() > activation;
        } else if (e instanceof AsrEvents.Final f) {
            remember(e, nanos);
            finalTranscript(f, nanos);
        }
        checkTimeouts();
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

    /** Replays what already arrived of the command just opened at {@code t} (arrival order). */
    private void replay(double t) {
        for (Item i : List.copyOf(recent)) {
            if (activeMode == null) {
                return;
            }
            AttendEvent e = i.event();
            if (end(e) <= t || gated(e.t())) {
                continue;
            }
            if (e instanceof VadEvent v) {
                vad(v, System.nanoTime());
            } else if (e instanceof AsrEvents.Partial p) {
                speech = true;
                heard = true;
            } else if (e instanceof AsrEvents.Final f) {
                finalTranscript(f, System.nanoTime());
            }
        }
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
        downstream.emit(new AssistantEvents.State(t, AssistantEvents.LISTENING, mode.id(), modeIds(), null));
        replay(t);
    }

    private void vad(VadEvent v, long nanos) {
        if (activeMode == null) {
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
            }
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
        if (!speech && now > activation + options.startTimeout()) {
            idle("timeout");
        } else if (now > activation + options.maxCommandSeconds()) {
            decide(now, System.nanoTime(), null);
        }
    }

    private void checkDeadlines() {
        if (activeMode != null && graceDeadline != 0 && System.nanoTime() > graceDeadline) {
            decide(vadEnd, vadEndNanos, null); // the recognizer heard nothing it could write down
        }
    }

    /** End of the session: answer a command that has speech, drop one that has none. */
    private void finishPending() {
        if (activeMode == null) {
            return;
        }
        if (speech || heard) {
            decide(Double.isNaN(vadEnd) ? mediaNow : vadEnd, System.nanoTime(), null);
        } else {
            idle("timeout");
        }
    }

    private void idle(String reason) {
        ListeningMode m = activeMode;
        activeMode = null;
        downstream.emit(new AssistantEvents.State(mediaNow, AssistantEvents.IDLE, m == null ? null : m.id(),
                modeIds(), reason));
    }

    private void decide(double end, long nanos, String text) {
        ListeningMode mode = activeMode;
        double start = activation;
        activeMode = null;
        List<AudioToken> command = new ArrayList<>();
        synchronized (tokens) {
            for (AudioToken t : tokens) {
                if (t.t() >= start && t.t() <= end + 0.1) {
                    command.add(t);
                }
            }
        }
        if (gated(start)) { // woken by our own voice: events reached us before the reply's gate was set
            idle("gated");
            return;
        }
        assistant.handle(new Command(end, mode, text, command, nanos));
    }

    /** The assistant speaks from media time {@code t} for {@code seconds}. */
    private void speaking(double t, double seconds) {
        double from = options.live() ? Math.max(t, mediaNow) : t;
        synchronized (gates) {
            gates.removeIf(g -> g[1] < from - 60);
            gates.add(new double[] {from, from + seconds + options.gateTailSeconds()});
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        try {
            if (Thread.currentThread() != worker) {
                worker.join(5000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        assistant.detach();
    }
}
