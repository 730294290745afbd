package dev.attend.app.session;

import dev.attend.assistant.service.AssistantFeature;
import dev.attend.assistant.service.AssistantService;
import dev.attend.event.EventSink;
import dev.attend.media.AudioChunk;
import dev.attend.media.VideoFrame;
import dev.attend.pipeline.Pipeline;
import dev.attend.pipeline.Stage;
import dev.attend.session.SessionAssembler;
import dev.attend.session.SessionFeature;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a {@link SessionSpec} into a ready pipeline through the model's {@link SessionAssembler}: the one place the
 * CLI and the GUI get their sessions from.
 */
public final class SessionFactory {

    private SessionFactory() {
    }

    /**
     * @throws IllegalArgumentException for a spec that names nothing to capture, a device that does not exist, or a
     *                                  feature that cannot run (an unusable model folder, a missing Apertium pair)
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

    /** As above, with the assistant as the last event stage when {@code assistant} is not null. */
    public static Pipeline create(SessionSpec spec, EventSink events, List<Stage<AudioChunk>> extraAudio,
                                  List<Stage<VideoFrame>> extraVideo, AssistantService assistant) {
        return create(spec, events, extraAudio, extraVideo, assistant, null);
    }

    /** As above, with the fusion transformer on the token bus when {@code fusion} is not null. */
    public static Pipeline create(SessionSpec spec, EventSink events, List<Stage<AudioChunk>> extraAudio,
                                  List<Stage<VideoFrame>> extraVideo, AssistantService assistant,
                                  SessionFeature fusion) {
        List<SessionFeature> features = new ArrayList<>(spec.features().features());
        if (fusion != null) {
            features.add(fusion);
        }
        if (assistant != null) {
            boolean asr = features.stream().anyMatch(f -> f.name().equals("asr"));
            boolean live = spec.media().mic() != null || spec.media().camera() != null;
            features.add(new AssistantFeature(assistant, spec.features().wakeWords(), asr, live));
        }
        return SessionAssembler.assemble(spec.media(), features, events, extraAudio, extraVideo);
    }
}
