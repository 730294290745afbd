package dev.attend.app.cli;

import dev.attend.app.session.FeatureOptions;
import dev.attend.asr.models.ModelEnvironment;
import dev.attend.asr.models.ModelNotFoundException;
import dev.attend.asr.models.VoskModelLocator;
import dev.attend.config.AppDirs;
import dev.attend.app.session.FusionWiring;
import dev.attend.app.session.SessionFactory;
import dev.attend.fusion.live.AttentionWatch;
import dev.attend.app.session.SessionSpec;
import dev.attend.audioenc.AudioModels;
import dev.attend.event.EventSink;
import dev.attend.event.CoreEvents;
import dev.attend.event.JsonLinesEventWriter;
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
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

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

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** null without --fusion; --attention all expands to every map of the model. */
    private FusionWiring.Settings fusionSettings() {
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
        return new FusionWiring.Settings(fusionModel, AttentionWatch.of(names), attentionEvery);
    }

    @Override
    public Integer call() throws Exception {
        SessionSpec sessionSpec = toSpec();
        AtomicReference<EventSink> target = new AtomicReference<>(EventSink.discard());
        AtomicReference<String> endReason = new AtomicReference<>("eof");
        Pipeline p;
        try {
            p = SessionFactory.create(sessionSpec, event -> {
                target.get().emit(event);
                if (event instanceof CoreEvents.SessionEnd end) {
                    endReason.set(end.reason());
                }
            }, List.of(), List.of(), fusionSettings());
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
        boolean toStdout = "-".equals(eventsTarget);
        try (p; JsonLinesEventWriter writer = toStdout
                ? new JsonLinesEventWriter(spec.commandLine().getOut(), true, false)
                : new JsonLinesEventWriter(openTarget(), false, true)) {
            target.set(writer);
            try {
                p.start();
            } catch (SourceException e) {
                throw new BadInputException(e.getMessage());
            }
            // Ctrl+C on a live session: stop, let stages flush, write session.end
            Thread hook = new Thread(() -> {
                p.close();
                try {
                    writer.close();
                } catch (IOException ignored) {
                    // exiting anyway
                }
            }, "attend-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                waitForEnd(p);
            } finally {
                p.close();
                removeHook(hook);
            }
        }
        return "error".equals(endReason.get()) ? ExitCodes.FAILURE : ExitCodes.OK;
    }

    private void waitForEnd(Pipeline p) throws InterruptedException {
        while (!p.awaitEnd(Duration.ofMillis(100))) {
            if (maxSeconds != null && p.currentMediaTime() >= maxSeconds) {
                p.stop();
            }
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
        return new FeatureOptions(base.asrModel(), base.translationPair(), wake, threshold, base.vad() && !noVad,
                base.faces(), base.attention());
    }
}
