package dev.attend.app.session;

import dev.attend.pipeline.Pacing;
import dev.attend.session.MediaSpec;
import java.nio.file.Path;

/**
 * What a session should capture and how, and which features it runs, as chosen in the CLI or the GUI. Null fields
 * are unused.
 *
 * @param mic         microphone name (empty string = system default), or null
 * @param audioFile   an audio file, or null
 * @param camera      camera index or name, or null
 * @param videoFile   a video file (its audio track is used unless another audio source is given), or null
 * @param pacing      how files are fed
 * @param features    which feature stages run
 * @param startAt     media seconds at which files start (a seek in the GUI; 0 = the beginning)
 */
public record SessionSpec(String mic, Path audioFile, String camera, Path videoFile, Pacing pacing,
                          int cameraWidth, int cameraHeight, double cameraFps, FeatureOptions features,
                          double startAt) {

    public SessionSpec {
        features = features == null ? FeatureOptions.defaults() : features;
    }

    public SessionSpec(String mic, Path audioFile, String camera, Path videoFile, Pacing pacing,
                       int cameraWidth, int cameraHeight, double cameraFps, FeatureOptions features) {
        this(mic, audioFile, camera, videoFile, pacing, cameraWidth, cameraHeight, cameraFps, features, 0);
    }

    /** The same session starting {@code seconds} into its files. */
    public SessionSpec startingAt(double seconds) {
        return new SessionSpec(mic, audioFile, camera, videoFile, pacing, cameraWidth, cameraHeight, cameraFps,
                features, seconds);
    }

    public static SessionSpec ofAudioFile(Path file, Pacing pacing, FeatureOptions features) {
        return new SessionSpec(null, file, null, null, pacing, 640, 480, 30, features);
    }

    public boolean hasAudioInput() {
        return media().hasAudioInput();
    }

    /** The media part, as the model's session assembler takes it. */
    public MediaSpec media() {
        return new MediaSpec(mic, audioFile, camera, videoFile, pacing, cameraWidth, cameraHeight, cameraFps,
                startAt);
    }
}
