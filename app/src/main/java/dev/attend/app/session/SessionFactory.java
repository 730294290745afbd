package dev.attend.app.session;

import dev.attend.event.EventSink;
import dev.attend.media.AudioChunk;
import dev.attend.media.VideoFrame;
import dev.attend.pipeline.Pipeline;
import dev.attend.pipeline.Stage;
import dev.attend.session.SessionAssembler;
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
        return SessionAssembler.assemble(spec.media(), spec.features().features(), events, extraAudio, extraVideo);
    }
}
