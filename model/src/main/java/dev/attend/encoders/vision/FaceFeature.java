package dev.attend.encoders.vision;

import dev.attend.session.SessionAssembly;
import dev.attend.session.SessionFeature;

/** Faces on the video bus: BlazeFace detection, tracking, mouth motion, video tokens. */
public record FaceFeature(FaceStage.Options options) implements SessionFeature {

    public FaceFeature {
        options = options == null ? FaceStage.Options.defaults() : options;
    }

    public static FaceFeature defaults() {
        return new FaceFeature(FaceStage.Options.defaults());
    }

    @Override
    public String name() {
        return FaceStage.NAME;
    }

    @Override
    public void contribute(SessionAssembly session) {
        if (session.hasVideo()) {
            session.pipeline().videoStage(new FaceStage(options));
        }
    }
}
