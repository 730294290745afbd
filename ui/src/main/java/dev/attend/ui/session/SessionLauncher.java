package dev.attend.ui.session;

import dev.attend.event.EventSink;
import dev.attend.media.AudioChunk;
import dev.attend.media.VideoFrame;
import dev.attend.pipeline.Stage;
import java.util.List;

/**
 * Port to the app's session wiring: starts a session for a request, sending every event to {@code events} and
 * running the GUI's preview stages (waveform/mel, video frames) beside the feature stages, off the UI thread.
 */
public interface SessionLauncher {

    /**
     * @throws IllegalArgumentException for a request that cannot run (message says what is wrong and what to do)
     * @throws Exception when a source cannot be opened
     */
    RunningSession start(SessionRequest request, EventSink events, List<Stage<AudioChunk>> audioPreview,
                         List<Stage<VideoFrame>> videoPreview) throws Exception;

    /** For builds or tests without a pipeline: every start fails with a clear message. */
    static SessionLauncher unavailable() {
        return (r, e, a, v) -> {
            throw new IllegalStateException("sessions are not available in this build; open an events file instead");
        };
    }
}
