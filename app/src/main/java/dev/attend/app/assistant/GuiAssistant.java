package dev.attend.app.assistant;

import dev.attend.assistant.service.AssistantService;
import dev.attend.assistant.service.HistoryAssistantSearch;
import dev.attend.fusion.live.FusionAudioIntents;
import dev.attend.assistant.AssistantSettings;
import dev.attend.assistant.AssistantStage;
import dev.attend.assistant.Command;
import dev.attend.assistant.ListeningMode;
import dev.attend.assistant.store.AssistantTimer;
import dev.attend.assistant.store.Note;
import dev.attend.concurrent.AttendThreads;
import dev.attend.config.AppDirs;
import dev.attend.event.CoreEvents;
import dev.attend.event.EventSink;
import dev.attend.ui.assistant.AssistantPort;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desktop app's assistant: an {@link AssistantService} opened in the background when the app starts (MiniLM
 * and the phrase embeddings take a few seconds), living until the window closes, so timers go off between
 * sessions and typed commands work without one. Sessions get its stage through {@link #forSession}; its settings
 * are the persisted {@code assistant.properties}.
 */
public final class GuiAssistant implements AssistantPort, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GuiAssistant.class);
    /** espeak-ng voices offered in the voice box (any other name can be typed in). */
    private static final List<String> ESPEAK_VOICES = List.of("en-us", "en-gb", "en-us+f3", "en-us+m3", "en-gb+f2",
            "en-gb-x-rp", "cmn", "cmn-latn-pinyin");

    private final AppDirs dirs;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(AttendThreads.factory("assistant-gui"));
    private final CompletableFuture<AssistantService> service;
    private volatile EventSink home = EventSink.discard();
    private volatile AssistantSettings settings;
    private volatile AssistantStage stage;
    private volatile Set<String> sessionWakeWords = Set.of();

    /** Gates the service's load: opened by {@link #startLoading} (the window shown) or the first use. */
    private final CompletableFuture<Void> go = new CompletableFuture<>();

    /** Opens the assistant in the background once {@link #startLoading} is called (or it is first needed). */
    public GuiAssistant(AppDirs dirs, Supplier<AssistantService.Options> options) {
        this.dirs = dirs;
        this.settings = AssistantSettings.load(dirs.config());
        this.service = go.thenApplyAsync(v -> {
            try {
                AssistantService s = AssistantService.open(dirs, options.get(), e -> home.emit(e));
                s.assistant().speechSettings(settings.speech());
                return s;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, worker);
        service.whenComplete((s, e) -> {
            if (e != null) {
                LOG.error("the assistant could not start: {}", e.getMessage(), e);
            }
        });
    }

    @Override
    public void startLoading() {
        go.complete(null);
    }

    @Override
    public java.util.concurrent.CompletionStage<?> ready() {
        return service;
    }

    /** The app's defaults: the fusion intent head for commands without a transcript, the session history. */
    public static GuiAssistant standard(AppDirs dirs) {
        return new GuiAssistant(dirs, () -> AssistantService.Options.defaults()
                .withAudioModel(new FusionAudioIntents()).withHistory(new HistoryAssistantSearch(dirs)));
    }

    /** The loaded service, waiting up to {@code wait} for it; null when it failed or is not ready. */
    public AssistantService service(Duration wait) {
        startLoading();
        return await(wait);
    }

    /** As {@link #service} without starting the load: the pane's timer and note lists wait for the window. */
    private AssistantService await(Duration wait) {
        try {
            return service.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            LOG.warn("assistant not available for this session: {}", e.getCause() != null
                    ? e.getCause().getMessage() : "still loading");
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** The wake words a session must run for the assistant (the chosen one, when it is on). */
    public Set<String> wakeWordsFor(List<String> requested) {
        Set<String> all = new HashSet<>(requested);
        if (settings.wakeWordOn()) {
            all.add(settings.wakeWord());
        }
        return all;
    }

    /** A session's stage was made (before the session starts): apply the settings to it. */
    public void forSession(AssistantStage s, List<String> wakeWords) {
        sessionWakeWords = Set.copyOf(wakeWords);
        stage = s;
        configure(s);
    }

    private void configure(AssistantStage s) {
        AssistantSettings st = settings;
        s.wakeWords(Set.of(st.wakeWord()));
        s.mode(ListeningMode.WAKE_WORD, st.wakeWordOn());
        s.mode(ListeningMode.LOOK_TO_TALK, st.lookToTalk());
        s.lookToTalk(st.lookToTalkThreshold(), AssistantSettings.LOOK_HYSTERESIS);
    }

    /** The service if it has loaded, else null (still loading, or failed). */
    private AssistantService loaded() {
        try {
            return service.getNow(null);
        } catch (java.util.concurrent.CompletionException | java.util.concurrent.CancellationException e) {
            return null;
        }
    }

    private AssistantStage running() {
        AssistantStage s = stage;
        return s != null && s.running() ? s : null;
    }

    @Override
    public boolean available() {
        return !service.isCompletedExceptionally();
    }

    @Override
    public void events(EventSink sink) {
        home = sink == null ? EventSink.discard() : sink;
    }

    @Override
    public void typed(String text) {
        worker.execute(() -> {
            AssistantStage s = running();
            if (s != null) {
                s.typed(text);
                return;
            }
            AssistantService svc = service(Duration.ofMinutes(1));
            if (svc == null) {
                home.emit(new CoreEvents.SourceError(0, "assistant", "the assistant could not start; see the log",
                        false));
                return;
            }
            svc.assistant().handle(Command.typed(0, text));
        });
    }

    @Override
    public boolean pushToTalk() {
        AssistantStage s = running();
        if (s == null) {
            return false;
        }
        s.pushToTalk();
        return true;
    }

    @Override
    public AssistantSettings settings() {
        return settings;
    }

    @Override
    public void apply(AssistantSettings s) {
        settings = s;
        try {
            s.save(dirs.config());
        } catch (IOException e) {
            throw new UncheckedIOException("assistant settings not saved in " + dirs.config() + ": "
                    + e.getMessage(), e);
        } finally {
            AssistantService svc = loaded();
            if (svc != null) {
                svc.assistant().speechSettings(s.speech());
            }
            AssistantStage st = running();
            if (st != null) {
                configure(st);
            }
        }
    }

    @Override
    public boolean sessionHears(String wakeWord) {
        return running() != null && sessionWakeWords.contains(wakeWord);
    }

    @Override
    public List<String> voices() {
        return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")
                ? ESPEAK_VOICES : List.of();
    }

    @Override
    public List<AssistantTimer> timers() {
        AssistantService svc = await(Duration.ofMinutes(1));
        return svc == null ? List.of() : svc.store().running().stream()
                .sorted(Comparator.comparing(AssistantTimer::due)).toList();
    }

    @Override
    public void cancelTimer(long id) {
        AssistantService svc = await(Duration.ofMinutes(1));
        if (svc != null) {
            svc.assistant().cancelTimer(id);
        }
    }

    @Override
    public List<Note> notesToday() {
        AssistantService svc = await(Duration.ofMinutes(1));
        if (svc == null) {
            return List.of();
        }
        Instant from = LocalDate.now().atStartOfDay(ZoneId.systemDefault()).toInstant();
        return svc.store().between(from, Instant.now().plusSeconds(1)).stream()
                .sorted(Comparator.comparing(Note::created).reversed()).toList();
    }

    @Override
    public void close() {
        worker.shutdownNow();
        AssistantService svc = loaded();
        if (svc == null) {
            service.cancel(true);
            return;
        }
        svc.close();
    }
}
