package dev.attend.session;

import dev.attend.pipeline.Pacing;
import dev.attend.pipeline.Pipeline;

/** What a {@link SessionFeature} sees of the session being assembled: its media and the pipeline's builder. */
public final class SessionAssembly {

    private final MediaSpec media;
    private final Pipeline.Builder pipeline;

    SessionAssembly(MediaSpec media, Pipeline.Builder pipeline) {
        this.media = media;
        this.pipeline = pipeline;
    }

    /** Where stages are added: {@code audioStage}, {@code videoStage}, {@code eventStage}, {@code tokenStage}. */
    public Pipeline.Builder pipeline() {
        return pipeline;
    }

    public boolean hasAudio() {
        return media.hasAudioInput();
    }

    public boolean hasVideo() {
        return media.hasVideoInput();
    }

    public Pacing pacing() {
        return media.pacing();
    }
}
