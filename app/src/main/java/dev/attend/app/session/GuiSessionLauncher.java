package dev.attend.app.session;

import dev.attend.asr.models.FoundModel;
import dev.attend.asr.models.ModelEnvironment;
import dev.attend.asr.models.VoskModelLocator;
import dev.attend.audio.AudioDevices;
import dev.attend.encoders.audio.AudioEncoderFeature;
import dev.attend.encoders.audio.wake.WakeOptions;
import dev.attend.assistant.service.AssistantService;
import dev.attend.app.assistant.GuiAssistant;
import dev.attend.app.history.HistoryWiring;
import dev.attend.app.history.LiveOnlyMaps;
import dev.attend.config.AppDirs;
import dev.attend.fusion.live.AttentionWatch;
import dev.attend.fusion.live.BundledFusionModel;
import dev.attend.fusion.live.FusionFeature;
import dev.attend.fusion.model.FusionConfig;
import dev.attend.fusion.model.FusionNet;
import dev.attend.history.HistoryRecorder;
import dev.attend.event.EventSink;
import dev.attend.media.AudioChunk;
import dev.attend.media.VideoFrame;
import dev.attend.pipeline.Pacing;
import dev.attend.pipeline.Pipeline;
import dev.attend.pipeline.Stage;
import dev.attend.translate.ApertiumInstall;
import dev.attend.ui.session.RunningSession;
import dev.attend.ui.session.SessionLauncher;
import dev.attend.ui.session.SessionRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The GUI's {@link SessionLauncher}: turns a request into a {@link SessionSpec} and a pipeline via the factory. */
public final class GuiSessionLauncher implements SessionLauncher {

    private static final java.time.Duration ASSISTANT_WAIT = java.time.Duration.ofSeconds(30);
    static final String DEMO_RESOURCE = "/dev/attend/resources/demo/demo.mp4";
    private static final Logger LOG = LoggerFactory.getLogger(GuiSessionLauncher.class);
    private final AppDirs dirs;
    private final ModelEnvironment modelEnv;
    private final ApertiumInstall apertium;
    private final GuiAssistant assistant;

    public GuiSessionLauncher(AppDirs dirs) {
        this(dirs, ModelEnvironment.system(), ApertiumInstall.detect());
    }

    /** With the app's assistant in every session (null: none). */
    public GuiSessionLauncher(AppDirs dirs, GuiAssistant assistant) {
        this(dirs, ModelEnvironment.system(), ApertiumInstall.detect(), assistant);
    }

    /** For tests: where models are searched and which Apertium installation translates. */
    GuiSessionLauncher(AppDirs dirs, ModelEnvironment modelEnv, ApertiumInstall apertium) {
        this(dirs, modelEnv, apertium, null);
    }

    /** For tests: as above, with an assistant (null: none). */
    public GuiSessionLauncher(AppDirs dirs, ModelEnvironment modelEnv, ApertiumInstall apertium,
                              GuiAssistant assistant) {
        this.dirs = dirs;
        this.modelEnv = modelEnv;
        this.apertium = apertium;
        this.assistant = assistant;
    }

    @Override
    public RunningSession start(SessionRequest r, EventSink events, List<Stage<AudioChunk>> audioPreview,
                                List<Stage<VideoFrame>> videoPreview) throws Exception {
        SessionSpec spec = spec(r);
        // history: on by default in the app (paused in the History window's privacy settings)
        HistoryRecorder history = HistoryWiring.shouldRecord(dirs)
                ? HistoryWiring.recorder(dirs, spec, events, msg -> LOG.warn("{}", msg)) : null;
        Pipeline p = null;
        try {
            // the assistant joins once loaded (the first seconds after the app starts, a session may wait for it)
            AssistantService svc = assistant == null ? null : assistant.service(ASSISTANT_WAIT);
            // the lab's fusion maps are shown live, not kept in the history (LiveOnlyMaps)
            EventSink sink = history != null ? new LiveOnlyMaps(history, events) : events;
            p = SessionFactory.create(spec, sink, audioPreview, videoPreview, svc,
                    fusion(r, spec));
            if (svc != null) {
                assistant.forSession(svc.current(), spec.features().wakeWords());
            }
            p.start();
        } catch (Exception | Error e) {
            if (p != null) {
                p.close();
            }
            if (history != null) {
                history.close();
            }
            throw e;
        }
        return history == null ? RunningSession.of(p) : withHistory(RunningSession.of(p), history::close);
    }

    /** Closes the recorder after the pipeline (its last events are committed). */
    static RunningSession withHistory(RunningSession s, Runnable closeHistory) {
        return new RunningSession() {
            @Override
            public void stop() {
                s.stop();
            }

            @Override
            public boolean isEnded() {
                return s.isEnded();
            }

            @Override
            public void setPaused(boolean paused) {
                s.setPaused(paused); // dropped before: a file kept playing under Pause while history recorded
            }

            @Override
            public boolean publish(dev.attend.event.AttendEvent event) {
                return s.publish(event);
            }

            @Override
            public void close() {
                try {
                    s.close();
                } finally {
                    closeHistory.run();
                }
            }
        };
    }

    /**
     * The fusion transformer for the lab when asked for and the bundled checkpoint is there: every map, every step
     * (12.5 passes/s). A checkpoint that fails to load makes its stage report a non-fatal {@code source.error}
     * (source {@code fusion}) that the window shows; the session goes on.
     */
    static FusionFeature fusion(SessionRequest r, SessionSpec spec) {
        if (!r.fusion()) {
            return null;
        }
        if (!BundledFusionModel.present()) {
            LOG.warn("no bundled fusion model on the class path: the session runs without the fusion transformer");
            return null;
        }
        List<String> all = FusionNet.attentionNames(FusionConfig.defaults());
        return new FusionFeature(null, AttentionWatch.of(all), 1, !spec.features().wakeWords().isEmpty());
    }

    /** Speaker labels are on in the app: the bundled model and this machine's enrolled voices. */
    private dev.attend.speaker.SpeakerSetup speakers() {
        java.util.List<dev.attend.speaker.SpeakerProfile> profiles;
        try {
            profiles = dev.attend.speaker.SpeakerProfileStore.inDataDir(dirs.data()).list();
        } catch (IOException e) {
            LOG.warn("speaker profiles not used: {}", e.getMessage());
            profiles = java.util.List.of();
        }
        return dev.attend.speaker.SpeakerSetup.bundled(profiles).withCacheDir(dirs.cache())
                .orInstalled(dev.attend.asr.models.VoskModelLocator.installRoot(dirs)
                        .resolve(dev.attend.speaker.SpeakerModelBundle.NAME));
    }

    SessionSpec spec(SessionRequest r) throws IOException {
        FeatureOptions f = FeatureOptions.defaults().withAsrModel(speechModel())
                .withTranslationPair(translationPair(r))
                .withAudio(new AudioEncoderFeature(true, assistant == null ? r.wakeWords()
                        : List.copyOf(assistant.wakeWordsFor(r.wakeWords())), WakeOptions.withThreshold(r.wakeThreshold())))
                .withSpeakers(speakers());
        Pacing pacing = r.paced() ? Pacing.REALTIME : Pacing.FAST;
        SessionRequest.Source src = r.source();
        if (src == SessionRequest.Source.DEVICES && AudioDevices.inputs().isEmpty()
                && (r.camera() == null || r.camera().isBlank())) {
            LOG.warn("no microphone and no camera: playing the demo clip instead");
            src = SessionRequest.Source.DEMO;
        }
        SessionSpec spec = switch (src) {
            case DEMO -> new SessionSpec(null, null, null, demoClip(), pacing, 640, 480, 30, f);
            case DEVICES -> new SessionSpec(r.mic() == null ? "" : r.mic(), null,
                    r.camera() == null || r.camera().isBlank() ? null : r.camera(), null, Pacing.REALTIME,
                    640, 480, 30, f);
            case FILE -> {
                if (r.file() == null || !Files.isReadable(r.file())) {
                    throw new IllegalArgumentException(r.file() + ": cannot read this file; choose a WAV or video "
                            + "file that exists");
                }
                boolean wav = r.file().getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".wav");
                yield wav ? new SessionSpec(null, r.file(), null, null, pacing, 640, 480, 30, f)
                        : new SessionSpec(null, null, null, r.file(), pacing, 640, 480, 30, f);
            }
        };
        return r.startAt() > 0 && src != SessionRequest.Source.DEVICES ? spec.startingAt(r.startAt()) : spec;
    }

    /**
     * The model chosen in the model manager, else the locator's default (a model in the system language, else any);
     * null when none is installed: the session then runs without speech recognition and the transcript pane
     * offers the model manager.
     */
    String speechModel() {
        return new VoskModelLocator(dirs, modelEnv).defaultModel().map(FoundModel::dir).map(Path::toString)
                .orElse(null);
    }

    /** The requested pair when Apertium has it; otherwise the session runs without translation (logged). */
    private String translationPair(SessionRequest r) {
        String pair = r.translationPair();
        if (pair == null || pair.isBlank()) {
            return null;
        }
        if (!apertium.available() || !apertium.pairs().contains(pair)) {
            LOG.warn("translation pair {} is not installed (Apertium: {}); running without translation", pair,
                    apertium.available() ? "pairs " + apertium.pairs() : "not installed");
            return null;
        }
        return pair;
    }

    /** The bundled demo clip, copied once into the cache folder (video sources need a real file). */
    Path demoClip() throws IOException {
        try (InputStream in = GuiSessionLauncher.class.getResourceAsStream(DEMO_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("demo clip " + DEMO_RESOURCE + " missing from the class path; "
                        + "rebuild with the resources module (scripts/make-demo-clip.sh makes it)");
            }
            byte[] bytes = in.readAllBytes();
            Path target = dirs.cache().resolve("demo").resolve("demo.mp4");
            if (!Files.isRegularFile(target) || Files.size(target) != bytes.length) {
                Files.createDirectories(target.getParent());
                Path tmp = target.resolveSibling("demo.mp4.tmp");
                Files.write(tmp, bytes);
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return target;
        }
    }
}
