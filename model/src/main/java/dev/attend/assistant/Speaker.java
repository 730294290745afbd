package dev.attend.assistant;

import dev.attend.event.AssistantEvents;
import dev.attend.assistant.speech.SpeechException;
import dev.attend.assistant.speech.SpeechSettings;
import dev.attend.assistant.speech.SpeechSynthesizer;
import dev.attend.event.EventSink;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import dev.attend.concurrent.AttendThreads;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Speaks replies one at a time on its own thread and reports {@code speaking}/{@code idle}. {@link #say} returns
 * once the reply's length is known (rendered), so the caller can gate the wake word and ASR for exactly that long.
 */
final class Speaker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Speaker.class);

    private final SpeechSynthesizer synth;
    private final EventSink events;
    private final Supplier<List<String>> modes;
    private final ExecutorService thread;
    private volatile SpeechSettings settings;

    Speaker(SpeechSynthesizer synth, SpeechSettings settings, EventSink events, Supplier<List<String>> modes) {
        this.synth = synth;
        this.settings = settings;
        this.events = events;
        this.modes = modes;
        this.thread = Executors.newSingleThreadExecutor(AttendThreads.factory("assistant-speech"));
    }

    SpeechSettings settings() {
        return settings;
    }

    void settings(SpeechSettings s) {
        settings = s;
    }

    boolean muted() {
        return synth == null || settings.mute();
    }

    /** The text the engine should read: pinyin for Chinese on espeak-ng. */
    String textFor(ReplyTemplates.Rendered r) {
        return synth != null && synth.readsPinyin() ? r.speech() : r.display();
    }

    /**
     * Starts speaking {@code r} at media time {@code t}; returns its length in seconds once known (0 when muted or
     * when it cannot be rendered).
     */
    double say(ReplyTemplates.Rendered r, double t, String mode) {
        if (muted()) {
            return 0;
        }
        SpeechSettings s = settings;
        double[] seconds = {0};
        CountDownLatch known = new CountDownLatch(1);
        thread.execute(() -> {
            String problem = null;
            try {
                SpeechSynthesizer.Spoken spoken = synth.speak(textFor(r), r.language(), s, secs -> {
                    seconds[0] = secs;
                    known.countDown();
                    events.emit(new AssistantEvents.State(t, AssistantEvents.SPEAKING, mode, modes.get(), null));
                });
                problem = spoken.problem();
            } catch (SpeechException e) {
                LOG.warn("reply not spoken: {}", e.getMessage());
                problem = e.getMessage();
            } finally {
                known.countDown();
                events.emit(new AssistantEvents.State(t, AssistantEvents.IDLE, mode, modes.get(), problem));
            }
        });
        try {
            known.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return seconds[0];
    }

    /** Waits until every reply handed over so far has been spoken (at most {@code millis}). */
    void awaitIdle(long millis) {
        try {
            thread.submit(() -> { }).get(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException
                 | java.util.concurrent.RejectedExecutionException e) {
            LOG.debug("speaker not idle: {}", e.toString());
        }
    }

    void stop() {
        if (synth != null) {
            synth.stop();
        }
    }

    @Override
    public void close() {
        stop();
        thread.shutdownNow();
        try {
            thread.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
