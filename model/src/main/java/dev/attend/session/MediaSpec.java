package dev.attend.session;

import dev.attend.pipeline.Pacing;
import java.nio.file.Path;

/**
 * What a session captures and how it is paced. Null fields are unused.
 *
 * @param mic       microphone name (empty string = system default), or null
 * @param audioFile an audio file, or null
 * @param camera    camera index or name, or null
 * @param videoFile a video file (its audio track is used unless another audio source is given), or null
 * @param pacing    how files are fed
 * @param startAt   media seconds at which files start (a seek; 0 = the beginning)
 */
public record MediaSpec(String mic, Path audioFile, String camera, Path videoFile, Pacing pacing, int cameraWidth,
                        int cameraHeight, double cameraFps, double startAt) {

    public MediaSpec {
        if (!(startAt >= 0)) {
            throw new IllegalArgumentException("start time must be 0 or more: " + startAt);
        }
    }

    public MediaSpec(String mic, Path audioFile, String camera, Path videoFile, Pacing pacing, int cameraWidth,
                     int cameraHeight, double cameraFps) {
        this(mic, audioFile, camera, videoFile, pacing, cameraWidth, cameraHeight, cameraFps, 0);
    }

    public static MediaSpec ofAudioFile(Path file, Pacing pacing) {
        return new MediaSpec(null, file, null, null, pacing, 640, 480, 30);
    }

    public static MediaSpec ofVideoFile(Path file, Pacing pacing) {
        return new MediaSpec(null, null, null, file, pacing, 640, 480, 30);
    }

    public boolean hasAudioInput() {
        return mic != null || audioFile != null || videoFile != null;
    }

    public boolean hasVideoInput() {
        return camera != null || videoFile != null;
    }
}
