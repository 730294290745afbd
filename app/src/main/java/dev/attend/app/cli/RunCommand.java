package dev.attend.app.cli;

import dev.attend.assistant.service.AssistantService;
import dev.attend.app.session.FeatureOptions;
import dev.attend.app.session.SessionSpec;
import dev.attend.event.EventSink;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * {@code attend run}: a headless session writing JSON Lines events. The options are here; {@link RunSpecs} turns
 * them into a session spec and {@link RunSession} runs it.
 */
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

    @Option(names = "--wake-verifier", negatable = true,
            description = "Ask each wake word's second-stage verifier before firing (candidates at its lower "
                    + "first-stage threshold; default on: --no-wake-verifier scores with the first stage only).")
    Boolean wakeVerifier;

    @Option(names = "--no-vad", description = "Do not run voice activity detection.")
    boolean noVad;

    @Option(names = "--speakers", description = "Label who speaks each final transcript (bundled speaker model; "
            + "enrolled names from 'attend speakers enroll', else Speaker 1, 2, …).")
    boolean speakers;
    @Option(names = "--speaker-vectors", paramLabel = "SOURCE", description = "With --speakers: compact (Attend's "
            + "vectors from each utterance's audio, the default) or vosk (libvosk's x-vector, ≈ 60 ms per utterance).")
    String speakerVectors;
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

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        SessionSpec sessionSpec = toSpec();
        AtomicReference<EventSink> target = new AtomicReference<>(EventSink.discard());
        try (dev.attend.asr.vosk.VoskModelCache.Lease asr = loadedModel(sessionSpec);
             AssistantService service = assistant ? AssistantCli.open(spec, mute ? Boolean.TRUE : null,
                e -> target.get().emit(e)) : null) {
            return new RunSession(this, new RunSpecs(this)).run(sessionSpec, target, service);
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

    SessionSpec toSpec() {
        return new RunSpecs(this).toSpec();
    }

    /** --wake, --wake-threshold and --no-vad applied to {@code base}. */
    FeatureOptions withAudioEncoderOptions(FeatureOptions base) {
        return new RunSpecs(this).withAudioEncoderOptions(base);
    }
}
