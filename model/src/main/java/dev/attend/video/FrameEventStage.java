package dev.attend.video;

import dev.attend.event.CoreEvents;
import dev.attend.media.VideoFrame;
import dev.attend.pipeline.Stage;
import dev.attend.pipeline.StageContext;

/** Emits a {@code frame} event for each video frame that reaches the pipeline. */
public final class FrameEventStage implements Stage<VideoFrame> {

    @Override
    public String name() {
        return "frames";
    }

    @Override
    public void process(VideoFrame f, StageContext ctx) {
        ctx.events().emit(new CoreEvents.Frame(Math.round(f.t() * 1e6) / 1e6, f.seq(), f.width(), f.height()));
    }
}
