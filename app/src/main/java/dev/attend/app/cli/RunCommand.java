package dev.attend.app.cli;

import dev.attend.app.history.HistoryWiring;
import dev.attend.app.assistant.AssistantService;
import dev.attend.app.session.FeatureOptions;
import dev.attend.app.session.SessionFactory;
import dev.attend.app.session.SessionSpec;
import dev.attend.asr.models.ModelEnvironment;
import dev.attend.asr.models.ModelNotFoundException;
import dev.attend.asr.models.VoskModelLocator;
import dev.attend.encoders.audio.AudioEncoderFeature;
import dev.attend.encoders.audio.AudioModels;
import dev.attend.encoders.audio.wake.WakeOptions;
import dev.attend.concurrent.AttendThreads;
import dev.attend.config.AppDirs;
import dev.attend.event.CoreEvents;
import dev.attend.event.EventSink;
import dev.attend.event.JsonLinesEventWriter;
import dev.attend.history.HistoryRecorder;
import dev.attend.pipeline.Pacing;
import dev.attend.pipeline.Pipeline;
import dev.attend.pipeline.SourceException;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code attend run}: a headless session writing JSON Lines events. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a session without the GUI and write its events as JSON Lines (see docs/events.md).")
public final class RunCommand implements Callable<Integer> {

    static final class AudioInput {
        @Option(names = "--mic", paramLabel = "NAME", arity = "0..1", fallbackValue = "",
                description = "Capture from a microphone (name or part of it; no value: the default device).")
        String mic;

        @Option(names = "--audio", paramLabel = "FILE", description = "Read audio from a WAV/AIFF/AU file.")
        Path audio;
    }

    static final class VideoInput {
        @Option(names = "--camera", paramLabel = "INDEX|NAME", description = "Capture from a camera.")
        String camera;

        @Option(names = "--video", paramLabel = "FILE",
                description = "Read a video file (mp4, mkv, avi, webm); its audio track is used unless --mic/--audio.")
        Path video;
    }

    static final class PacingChoice {
        @Option(names = "--realtime", description = "Feed files as if live (default).")
        boolean realtime;

        @Option(names = "--fast", description = "Feed files as fast as the pipeline goes.")
        boolean fast;
    }

    @ArgGroup(exclusive = true)
    AudioInput audioInput = new AudioInput();

    @ArgGroup(exclusive = true)
    VideoInput videoInput = new VideoInput();

    @ArgGroup(exclusive = true)
    PacingChoice pacingChoice = new PacingChoice();

    @Option(names = "--events", paramLabel = "FILE|-", defaultValue = "-",
            description = "Where to write events: a file, or - for standard output (default).")
    String eventsTarget;

    @Option(names = "--camera-size", paramLabel = "WxH", defaultValue = "640x480",
            description = "Requested camera resolution (default: ${DEFAULT-VALUE}).")
    String cameraSize;

    @Option(names = "--camera-fps", paramLabel = "FPS", defaultValue = "30",
            description = "Requested camera frame rate (default: ${DEFAULT-VALUE}).")
    double cameraFps;

    @Option(names = "--model", paramLabel = "DIR|NAME",
            description = "Vosk model for speech recognition: a model folder, an installed model's name, or none "
                    + "(default: the model chosen with 'attend models use', else one in the system language, if any).")
    String model;

    @Option(names = "--max-seconds", paramLabel = "S",
            description = "Stop after this much media time (live sessions run until Ctrl+C otherwise).")
    Double maxSeconds;

    @Option(names = "--translate", paramLabel = "PAIR",
            description = "Translate the transcript with an installed Apertium pair, e.g. eng-spa "
                    + "(see 'attend translate --list').")
    String translatePair;

    @Option(names = "--wake", paramLabel = "NAME[,NAME]", split = ",",
            description = "Wake words to listen for: hey_jarvis, hey_mycroft, alexa, hey_rhasspy, or none "
                    + "(default: hey_jarvis).")
    List<String> wakeWords;

    @Option(names = "--wake-threshold", paramLabel = "X",
            description = "Score in (0, 1) a wake word must reach (default: 0.5).")
    Double wakeThreshold;

    @Option(names = "--no-vad", description = "Do not run voice activity detection.")
    boolean noVad;

    @Option(names = "--speakers", description = "Label who speaks each final transcript (bundled speaker model; "
            + "enrolled names from 'attend speakers enroll', else Speaker 1, 2, …).")
    boolean speakers;
    @Option(names = "--history", description = "Save this session in the history (off by default in the CLI; "
            + "see 'attend history').")
    boolean history;

    @Option(names = "--assistant",
            description = "Add the assistant: wake word, then a command; replies as assistant.* events, spoken "
                    + "unless --mute (see docs/assistant.md).")
    boolean assistant;

    @Option(names = "--mute", description = "With --assistant: show and log replies, never speak them.")
    boolean mute;

    @Option(names = "--fusion", description = "Run the fusion transformer: fusion events every 80 ms (docs/fusion.md).")
    boolean fusion;

    @Option(names = "--fusion-model", paramLabel = "DIR", description = "Fusion model folder (default: the bundled one).")
    Path fusionModel;

    @Option(names = "--attention", paramLabel = "all|NAME[,NAME]", split = ",",
            description = "Fusion attention maps to export as attention events (source fusion): all, or names "
                    + "such as text<-audio.0 (default: none).")
    List<String> fusionAttention;

    @Option(names = "--attention-every", paramLabel = "N", defaultValue = "12",
            description = "Export the fusion attention maps every N steps of 80 ms (default ${DEFAULT-VALUE}).")
    int attentionEvery;

    /** null without --fusion; --attention all expands to every map of the model. */
    private dev.attend.fusion.live.FusionFeature fusionFeature(SessionSpec s) {
        if (!fusion) {
            if (fusionModel != null || fusionAttention != null) {
                throw new IllegalArgumentException("--fusion-model and --attention need --fusion");
            }
            return null;
        }
        if (attentionEvery < 1) {
            throw new IllegalArgumentException("--attention-every must be at least 1");
        }
        List<String> names = fusionAttention == null ? List.of() : fusionAttention;
        if (names.contains("all")) {
            names = dev.attend.fusion.model.FusionNet.attentionNames(dev.attend.fusion.model.FusionConfig.defaults());
        }
        return new dev.attend.fusion.live.FusionFeature(fusionModel, dev.attend.fusion.live.AttentionWatch.of(names),
                attentionEvery, !s.features().wakeWords().isEmpty());
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        SessionSpec sessionSpec = toSpec();
        AtomicReference<EventSink> target = new AtomicReference<>(EventSink.discard());
        try (dev.attend.asr.vosk.VoskModelCache.Lease asr = loadedModel(sessionSpec);
             AssistantService service = assistant ? AssistantCli.open(spec, mute ? Boolean.TRUE : null,
                e -> target.get().emit(e)) : null) {
            return run(sessionSpec, target, service);
        }
    }

    /**
     * A model named with {@code --model} is loaded before the session starts and held for it (the ASR stage shares
     * it), so a damaged one is bad input (exit 2, one line) instead of a warning event in a session that runs on.
     */
    private dev.attend.asr.vosk.VoskModelCache.Lease loadedModel(SessionSpec s) {
        if (model == null || "none".equals(model) || s.features().asrModel() == null) {
            return null;
        }
        try {
            return dev.attend.asr.vosk.VoskModelCache.shared().acquire(Path.of(s.features().asrModel()),
                    dev.attend.asr.EndpointerSettings.MODEL_DEFAULT);
        } catch (dev.attend.asr.vosk.VoskModelException e) {
            throw new BadInputException(e.getMessage());
        } catch (dev.attend.asr.vosk.VoskUnavailableException e) {
            return null; // the ASR stage reports it as a warning; the rest of the session still works
        }
    }

    private int run(SessionSpec sessionSpec, AtomicReference<EventSink> target, AssistantService service)
            throws Exception {
        AtomicReference<String> endReason = new AtomicReference<>("eof");
        Pipeline p;
        EventSink sink = event -> {
            target.get().emit(event);
            if (event instanceof CoreEvents.SessionEnd end) {
                endReason.set(end.reason());
            }
        };
        HistoryRecorder recorder = history ? HistoryWiring.recorder(root().dirs(), sessionSpec, sink,
                msg -> spec.commandLine().getErr().println("attend: " + msg)) : null;
        try {
            p = SessionFactory.create(sessionSpec, recorder != null ? recorder : sink, List.of(), List.of(), service,
                    fusionFeature(sessionSpec));
        } catch (IllegalArgumentException e) {
            closeQuietly(recorder);
            throw new BadInputException(e.getMessage());
        }
        boolean toStdout = "-".equals(eventsTarget);
        if (maxSeconds != null) {
            p.stopAt(maxSeconds);
        }
        try (recorder; p; JsonLinesEventWriter writer = toStdout
                ? new JsonLinesEventWriter(new CheckedOutput(spec.commandLine().getOut()), true, false)
                : new JsonLinesEventWriter(openTarget(), false, true)) {
            target.set(writer);
            try {
                p.start();
            } catch (SourceException e) {
                throw new BadInputException(e.getMessage());
            }
            // Ctrl+C on a live session: stop, let stages flush, write session.end
            Thread hook = AttendThreads.newThread("shutdown", () -> {
                p.close();
                closeQuietly(recorder);
                try {
                    writer.close();
                } catch (IOException ignored) {
                    // exiting anyway
                }
            });
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                waitForEnd(p);
            } finally {
                p.close();
                closeQuietly(recorder);
                removeHook(hook);
            }
            Throwable failure = p.eventsFailure();
            if (failure == null) {
                try {
                    writer.close(); // the last buffered lines: a full disk can still show here
                } catch (IOException e) {
                    failure = e;
                }
            }
            if (failure != null) {
                throw new IOException(eventsFailureMessage(failure, toStdout), failure);
            }
        }
        return "error".equals(endReason.get()) ? ExitCodes.FAILURE : ExitCodes.OK;
    }

    private AttendCommand root() {
        return (AttendCommand) spec.root().userObject();
    }

    /** The recorder commits what is pending and closes its database; once (later calls do nothing). */
    private static void closeQuietly(HistoryRecorder recorder) {
        if (recorder != null) {
            recorder.close();
        }
    }

    /** One line: where the events were going and the operating system's reason. */
    private String eventsFailureMessage(Throwable failure, boolean toStdout) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String reason = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        if (toStdout) {
            return "events not written: " + (CheckedOutput.CLOSED.equals(reason) ? reason
                    : "standard output: " + reason);
        }
        return "cannot write events to " + eventsTarget + ": " + reason + "; the session was stopped";
    }

    private static void waitForEnd(Pipeline p) throws InterruptedException {
        while (!p.awaitEnd(Duration.ofMillis(100))) {
            // the pipeline ends by itself: end of file, --max-seconds, a fatal error, or Ctrl+C via the hook
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException ignored) {
            // already shutting down
        }
    }

    private OutputStream openTarget() throws IOException {
        Path target = Path.of(eventsTarget);
        Path parent = target.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new BadInputException("cannot write events to " + target + ": folder does not exist");
        }
        // a FileOutputStream, not an NIO channel: interrupting a pipeline thread must never close the events file
        return new FileOutputStream(target.toFile());
    }

    SessionSpec toSpec() {
        if (maxSeconds != null && !(maxSeconds > 0 && maxSeconds < Double.POSITIVE_INFINITY)) {
            throw new BadInputException("--max-seconds must be a positive number of seconds, not "
                    + typed("--max-seconds", maxSeconds));
        }
        int w;
        int h;
        try {
            String[] parts = cameraSize.toLowerCase(java.util.Locale.ROOT).split("x");
            w = Integer.parseInt(parts[0]);
            h = Integer.parseInt(parts[1]);
        } catch (RuntimeException e) {
            throw new BadInputException("--camera-size must look like 640x480, not '" + cameraSize + "'");
        }
        Pacing pacing = pacingChoice.fast ? Pacing.FAST : Pacing.REALTIME;
        return new SessionSpec(audioInput.mic, audioInput.audio, videoInput.camera, videoInput.video, pacing, w, h,
                cameraFps, withAudioEncoderOptions(FeatureOptions.defaults().withTranslationPair(translatePair)
                        .withAsrModel(resolveModel())));
    }

    /** The value as the user typed it (for messages). */
    private String typed(String option, Object parsed) {
        CommandLine.ParseResult r = spec == null ? null : spec.commandLine().getParseResult();
        CommandLine.Model.OptionSpec o = r == null ? null : r.matchedOption(option);
        return o == null || o.originalStringValues().isEmpty() ? String.valueOf(parsed)
                : o.originalStringValues().get(o.originalStringValues().size() - 1);
    }

    /** The Vosk model folder for this run, or null for no speech recognition. */
    private String resolveModel() {
        if ("none".equals(model)) {
            return null;
        }
        AppDirs dirs = ((AttendCommand) spec.root().userObject()).dirs();
        try {
            if (model == null) {
                return new VoskModelLocator(dirs, ModelEnvironment.system()).defaultModel()
                        .map(m -> m.dir().toString()).orElse(null);
            }
            return VoskModelLocator.resolve(model, dirs).toString();
        } catch (ModelNotFoundException e) {
            throw new BadInputException(e.getMessage());
        }
    }

    /** The bundled speaker model with this machine's enrolled profiles. */
    private dev.attend.speaker.SpeakerSetup speakerSetup() {
        AppDirs dirs = ((AttendCommand) spec.root().userObject()).dirs();
        try {
            return dev.attend.speaker.SpeakerSetup.bundled(
                    dev.attend.speaker.SpeakerProfileStore.inDataDir(dirs.data()).list()).withCacheDir(dirs.cache());
        } catch (IOException e) {
            throw new BadInputException(e.getMessage());
        }
    }

    /** --wake, --wake-threshold and --no-vad applied to {@code base}. */
    FeatureOptions withAudioEncoderOptions(FeatureOptions base) {
        List<String> wake = base.wakeWords();
        if (wakeWords != null) {
            wake = wakeWords.stream().map(String::trim).filter(w -> !w.isEmpty() && !"none".equals(w)).distinct()
                    .toList();
            for (String w : wake) {
                if (!AudioModels.wakeWordNames().contains(w)) {
                    throw new BadInputException("--wake: unknown wake word '" + w + "'; bundled: "
                            + String.join(", ", AudioModels.wakeWordNames()) + " (or none)");
                }
            }
        }
        double threshold = base.wakeThreshold();
        if (wakeThreshold != null) {
            if (!(wakeThreshold > 0 && wakeThreshold < 1)) {
                throw new BadInputException("--wake-threshold must be between 0 and 1 (exclusive), not " + wakeThreshold);
            }
            threshold = wakeThreshold;
        }
        AudioEncoderFeature audio = base.audio() == null ? AudioEncoderFeature.defaults() : base.audio();
        return base.withAudio(new AudioEncoderFeature(audio.vad() && !noVad, wake,
                new WakeOptions(threshold, audio.wake().patience(), audio.wake().refractorySeconds())))
                .withSpeakers(speakers ? speakerSetup() : base.speakers());
    }
}
