package dev.attend.app.session;

import dev.attend.asr.AsrStage;
import dev.attend.audio.AudioDevices;
import dev.attend.audio.LevelMeterStage;
import dev.attend.audio.MicrophoneSource;
import dev.attend.audio.WavFileSource;
import dev.attend.audioenc.AudioEncoders;
import dev.attend.audioenc.features.AudioTokenStream;
import dev.attend.audioenc.wake.WakeOptions;
import dev.attend.event.EventSink;
import dev.attend.media.AudioChunk;
import dev.attend.media.VideoFrame;
import dev.attend.pipeline.Pipeline;
import dev.attend.text.AttentionTap;
import dev.attend.translate.TranslationTap;
import dev.attend.pipeline.Stage;
import java.util.List;
import dev.attend.video.CameraSource;
import dev.attend.video.FrameEventStage;
import dev.attend.video.VideoFileSource;
import dev.attend.vision.FaceStage;

/**
 * Turns a {@link SessionSpec} into a ready pipeline: sources plus the stages every session runs. The one place
 * where features plug their stages in, shared by the CLI and the GUI.
 */
public final class SessionFactory {

    private SessionFactory() {
    }

    /**
     * @throws IllegalArgumentException for a spec that names nothing to capture or a device that does not exist
     */
    public static Pipeline create(SessionSpec spec, EventSink events) {
        return create(spec, events, List.of(), List.of());
    }

    /**
     * As {@link #create(SessionSpec, EventSink)}, plus extra stages that only watch the media (the GUI's waveform
     * and video previews); video ones are added only when the session has video.
     */
    public static Pipeline create(SessionSpec spec, EventSink events, List<Stage<AudioChunk>> extraAudio,
                                  List<Stage<VideoFrame>> extraVideo) {
        return create(spec, events, extraAudio, extraVideo, null);
    }

    /** As above, with the fusion transformer on the token bus when {@code fusion} is not null. */
    public static Pipeline create(SessionSpec spec, EventSink events, List<Stage<AudioChunk>> extraAudio,
                                  List<Stage<VideoFrame>> extraVideo, FusionWiring.Settings fusion) {
        TranslationTap translation = TranslationWiring.stageFor(spec.features()); // a missing pair fails first
        try {
            return build(spec, events, extraAudio, extraVideo, translation, fusion);
        } catch (RuntimeException e) {
            if (translation != null) {
                translation.close();
            }
            throw e;
        }
    }

    private static Pipeline build(SessionSpec spec, EventSink events, List<Stage<AudioChunk>> extraAudio,
                                  List<Stage<VideoFrame>> extraVideo, TranslationTap translation,
                                  FusionWiring.Settings fusion) {
        Pipeline.Builder b = Pipeline.builder().events(events).pacing(spec.pacing());
        int audioInputs = (spec.mic() != null ? 1 : 0) + (spec.audioFile() != null ? 1 : 0);
        if (audioInputs > 1) {
            throw new IllegalArgumentException("choose one audio input: --mic or --audio, not both");
        }
        if (spec.camera() != null && spec.videoFile() != null) {
            throw new IllegalArgumentException("choose one video input: --camera or --video, not both");
        }
        if (audioInputs == 0 && spec.camera() == null && spec.videoFile() == null) {
            throw new IllegalArgumentException("nothing to capture: give --mic, --audio, --camera or --video");
        }
        if (spec.mic() != null) {
            AudioDevices.InputDevice dev = spec.mic().isEmpty() ? null
                    : AudioDevices.find(AudioDevices.inputs(), spec.mic());
            b.source(new MicrophoneSource(dev));
        }
        if (spec.audioFile() != null) {
            b.source(new WavFileSource(spec.audioFile()));
        }
        boolean videoAudio = audioInputs == 0;
        if (spec.videoFile() != null) {
            b.source(new VideoFileSource(spec.videoFile(), videoAudio));
        }
        if (spec.camera() != null) {
            CameraSource cam = new CameraSource(spec.camera(), spec.cameraWidth(), spec.cameraHeight(),
                    spec.cameraFps());
            if (audioInputs > 0) {
                b.optionalSource(cam); // no camera: the session continues audio-only
            } else {
                b.source(cam);
            }
        }
        b.audioStage(new LevelMeterStage());
        if (spec.hasAudioInput()) { // audio encoders: VAD, wake words over one shared mel + embedding stage
            FeatureOptions f = spec.features();
            AudioEncoders.stages(f.vad(), f.wakeWords(), WakeOptions.withThreshold(f.wakeThreshold()),
                    new AudioTokenStream()).forEach(b::audioStage);
        }
        AsrStage asr = spec.hasAudioInput() ? AsrSetup.stageFor(spec.features()) : null;
        if (asr != null) {
            b.audioStage(asr);
        }
        if (spec.camera() != null || spec.videoFile() != null) {
            b.videoStage(new FrameEventStage());
            extraVideo.forEach(b::videoStage);
        }
        // vision: BlazeFace detection, tracking and mouth motion on the video bus
        if (spec.features().faces() && (spec.camera() != null || spec.videoFile() != null)) {
            b.videoStage(new FaceStage());
        }
        extraAudio.forEach(b::audioStage);
        // event stages: MiniLM attention (and text tokens) of each asr.final, then its translation
        if (spec.features().attention()) {
            AttentionTap.bundled().addTo(b);
        }
        if (translation != null) {
            translation.addTo(b);
        }
        if (fusion != null && spec.hasAudioInput()) {
            FusionWiring.addTo(b, fusion, !spec.features().wakeWords().isEmpty(),
                    spec.camera() != null || spec.videoFile() != null);
        }
        return b.build();
    }
}
