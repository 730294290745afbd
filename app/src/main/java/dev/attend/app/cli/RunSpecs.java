package dev.attend.app.cli;

import dev.attend.app.session.FeatureOptions;
import dev.attend.app.session.SessionSpec;
import dev.attend.asr.models.ModelEnvironment;
import dev.attend.asr.models.ModelNotFoundException;
import dev.attend.asr.models.VoskModelLocator;
import dev.attend.config.AppDirs;
import dev.attend.encoders.audio.AudioEncoderFeature;
import dev.attend.encoders.audio.AudioModels;
import dev.attend.encoders.audio.wake.WakeOptions;
import dev.attend.pipeline.Pacing;
import java.io.IOException;
import java.util.List;
import picocli.CommandLine;

/** {@code attend run}'s options turned into a {@link SessionSpec}, with a clear message for each bad value. */
final class RunSpecs {

    private final RunCommand c;

    RunSpecs(RunCommand c) {
        this.c = c;
    }

    /** The fusion feature, or null without --fusion; --attention all expands to every map of the model. */
    dev.attend.fusion.live.FusionFeature fusionFeature(SessionSpec s) {
        if (!c.fusion) {
            if (c.fusionModel != null || c.fusionAttention != null) {
                throw new IllegalArgumentException("--fusion-model and --attention need --fusion");
            }
            return null;
        }
        if (c.attentionEvery < 1) {
            throw new IllegalArgumentException("--attention-every must be at least 1");
        }
        List<String> names = c.fusionAttention == null ? List.of() : c.fusionAttention;
        if (names.contains("all")) {
            names = dev.attend.fusion.model.FusionNet.attentionNames(dev.attend.fusion.model.FusionConfig.defaults());
        }
        // without --fusion-model: the user's calibrated model when there is one (Training window), else the bundled
        java.nio.file.Path model = c.fusionModel != null ? c.fusionModel
                : dev.attend.fusion.workbench.FusionTrainingService.userCheckpoint(
                        ((AttendCommand) c.spec.root().userObject()).dirs().data()).orElse(null);
        return new dev.attend.fusion.live.FusionFeature(model, dev.attend.fusion.live.AttentionWatch.of(names),
                c.attentionEvery, !s.features().wakeWords().isEmpty());
    }

    SessionSpec toSpec() {
        if (c.maxSeconds != null && !(c.maxSeconds > 0 && c.maxSeconds < Double.POSITIVE_INFINITY)) {
            throw new BadInputException("--max-seconds must be a positive number of seconds, not "
                    + typed("--max-seconds", c.maxSeconds));
        }
        int w;
        int h;
        try {
            String[] parts = c.cameraSize.toLowerCase(java.util.Locale.ROOT).split("x");
            w = Integer.parseInt(parts[0]);
            h = Integer.parseInt(parts[1]);
        } catch (RuntimeException e) {
            throw new BadInputException("--camera-size must look like 640x480, not '" + c.cameraSize + "'");
        }
        Pacing pacing = c.pacingChoice.fast ? Pacing.FAST : Pacing.REALTIME;
        return new SessionSpec(c.audioInput.mic, c.audioInput.audio, c.videoInput.camera, c.videoInput.video, pacing, w, h,
                c.cameraFps, withAudioEncoderOptions(FeatureOptions.defaults().withTranslationPair(c.translatePair)
                        .withAsrModel(resolveModel())));
    }

    /** The value as the user typed it (for messages). */
    private String typed(String option, Object parsed) {
        CommandLine.ParseResult r = c.spec == null ? null : c.spec.commandLine().getParseResult();
        CommandLine.Model.OptionSpec o = r == null ? null : r.matchedOption(option);
        return o == null || o.originalStringValues().isEmpty() ? String.valueOf(parsed)
                : o.originalStringValues().get(o.originalStringValues().size() - 1);
    }

    /** The Vosk model folder for this run, or null for no speech recognition. */
    private String resolveModel() {
        if ("none".equals(c.model)) {
            return null;
        }
        AppDirs dirs = ((AttendCommand) c.spec.root().userObject()).dirs();
        try {
            if (c.model == null) {
                return new VoskModelLocator(dirs, ModelEnvironment.system()).defaultModel()
                        .map(m -> m.dir().toString()).orElse(null);
            }
            return VoskModelLocator.resolve(c.model, dirs).toString();
        } catch (ModelNotFoundException e) {
            throw new BadInputException(e.getMessage());
        }
    }

    /** The bundled speaker model with this machine's enrolled profiles. */
    private dev.attend.speaker.SpeakerSetup speakerSetup() {
        AppDirs dirs = ((AttendCommand) c.spec.root().userObject()).dirs();
        try {
            return dev.attend.speaker.SpeakerSetup.bundled(
                    dev.attend.speaker.SpeakerProfileStore.inDataDir(dirs.data()).list())
                    .withVectors(vectors(c.speakerVectors)).withCacheDir(dirs.cache())
                    .orInstalled(dev.attend.asr.models.VoskModelLocator.installRoot(dirs)
                            .resolve(dev.attend.speaker.SpeakerModelBundle.NAME));
        } catch (IOException e) {
            throw new BadInputException(e.getMessage());
        }
    }

    /** The {@code --speaker-vectors} choice (null: the default), or a clear error. */
    static dev.attend.speaker.SpeakerVectorSource vectors(String id) {
        try {
            return id == null ? dev.attend.speaker.SpeakerVectorSource.DEFAULT
                    : dev.attend.speaker.SpeakerVectorSource.parse(id);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--speaker-vectors: " + e.getMessage());
        }
    }

    /** --wake, --wake-threshold and --no-vad applied to {@code base}. */
    FeatureOptions withAudioEncoderOptions(FeatureOptions base) {
        List<String> wake = base.wakeWords();
        if (c.wakeWords != null) {
            wake = c.wakeWords.stream().map(String::trim).filter(w -> !w.isEmpty() && !"none".equals(w)).distinct()
                    .toList();
            for (String w : wake) {
                if (!AudioModels.wakeWordNames().contains(w)) {
                    throw new BadInputException("--wake: unknown wake word '" + w + "'; bundled: "
                            + String.join(", ", AudioModels.wakeWordNames()) + " (or none)");
                }
            }
        }
        double threshold = base.wakeThreshold();
        if (c.wakeThreshold != null) {
            if (!(c.wakeThreshold > 0 && c.wakeThreshold < 1)) {
                throw new BadInputException("--wake-threshold must be between 0 and 1 (exclusive), not " + c.wakeThreshold);
            }
            threshold = c.wakeThreshold;
        }
        AudioEncoderFeature audio = base.audio() == null ? AudioEncoderFeature.defaults() : base.audio();
        return base.withAudio(new AudioEncoderFeature(audio.vad() && !c.noVad, wake,
                new WakeOptions(threshold, audio.wake().patience(), audio.wake().refractorySeconds())
                        .withVerify(c.wakeVerifier != null ? c.wakeVerifier : audio.wake().verify())))
                .withSpeakers(c.speakers ? speakerSetup() : base.speakers());
    }
}
