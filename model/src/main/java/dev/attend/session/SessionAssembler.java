package dev.attend.session;

import dev.attend.audio.AudioDevices;
import dev.attend.audio.LevelMeterStage;
import dev.attend.audio.MicrophoneSource;
import dev.attend.audio.WavFileSource;
import dev.attend.event.EventSink;
import dev.attend.media.AudioChunk;
import dev.attend.media.VideoFrame;
import dev.attend.pipeline.Pipeline;
import dev.attend.pipeline.Stage;
import dev.attend.video.CameraSource;
import dev.attend.video.FrameEventStage;
import dev.attend.video.VideoFileSource;
import java.util.List;

/**
 * Builds a session's pipeline: the sources of a {@link MediaSpec}, the stages every session runs (level meter,
 * frame events), then each {@link SessionFeature}'s contribution in order, then stages that only watch the media
 * (the GUI's previews). Shared by the CLI, the GUI, benches and training.
 */
public final class SessionAssembler {

    private SessionAssembler() {
    }

    /** @throws IllegalArgumentException for media that names nothing to capture, a device that does not exist, or a
     *                                  feature that cannot work (nothing is left open then) */
    public static Pipeline assemble(MediaSpec media, List<? extends SessionFeature> features, EventSink events) {
        return assemble(media, features, events, List.of(), List.of());
    }

    /** As above, plus stages that only watch the media; video ones are added only when the session has video. */
    public static Pipeline assemble(MediaSpec media, List<? extends SessionFeature> features, EventSink events,
                                    List<Stage<AudioChunk>> extraAudio, List<Stage<VideoFrame>> extraVideo) {
        checkInputs(media);
        Pipeline.Builder b = Pipeline.builder().events(events).pacing(media.pacing())
                .mediaStart(media.startAt());
        SessionAssembly session = new SessionAssembly(media, b);
        b.audioStage(new LevelMeterStage());
        if (media.hasVideoInput()) {
            b.videoStage(new FrameEventStage());
            extraVideo.forEach(b::videoStage);
        }
        try {
            for (SessionFeature f : features) {
                f.contribute(session);
            }
            extraAudio.forEach(b::audioStage);
            addSources(media, b);
        } catch (RuntimeException e) {
            b.build().close(); // the pipeline owns what was added so far: closed once, never started
            throw e;
        }
        return b.build();
    }

    private static void checkInputs(MediaSpec m) {
        int audioInputs = (m.mic() != null ? 1 : 0) + (m.audioFile() != null ? 1 : 0);
        if (audioInputs > 1) {
            throw new IllegalArgumentException("choose one audio input: --mic or --audio, not both");
        }
        if (m.camera() != null && m.videoFile() != null) {
            throw new IllegalArgumentException("choose one video input: --camera or --video, not both");
        }
        if (audioInputs == 0 && m.camera() == null && m.videoFile() == null) {
            throw new IllegalArgumentException("nothing to capture: give --mic, --audio, --camera or --video");
        }
    }

    private static void addSources(MediaSpec m, Pipeline.Builder b) {
        boolean ownAudio = m.mic() != null || m.audioFile() != null;
        if (m.mic() != null) {
            AudioDevices.InputDevice dev = m.mic().isEmpty() ? null : AudioDevices.find(AudioDevices.inputs(), m.mic());
            b.source(new MicrophoneSource(dev));
        }
        if (m.audioFile() != null) {
            b.source(new WavFileSource(m.audioFile()).startAt(m.startAt()));
        }
        if (m.videoFile() != null) {
            b.source(new VideoFileSource(m.videoFile(), !ownAudio).startAt(m.startAt()));
        }
        if (m.camera() != null) {
            CameraSource cam = new CameraSource(m.camera(), m.cameraWidth(), m.cameraHeight(), m.cameraFps());
            if (ownAudio) {
                b.optionalSource(cam); // no camera: the session continues audio-only
            } else {
                b.source(cam);
            }
        }
    }
}
