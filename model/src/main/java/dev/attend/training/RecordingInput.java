package dev.attend.training;

import java.nio.file.Path;

/**
 * Where a calibration recording comes from: the microphone and camera, or files in the slot layout of
 * {@link CalibrationPrompt} (a WAV and a video, or a video with its audio track).
 *
 * @param audioFile a WAV file, or null
 * @param videoFile a video file, or null
 * @param mic       microphone name ("" = default) when live, else null
 * @param camera    camera index or name when live, else null
 */
public record RecordingInput(Path audioFile, Path videoFile, String mic, String camera) {

    public static RecordingInput live(String mic, String camera) {
        return new RecordingInput(null, null, mic == null ? "" : mic, camera == null || camera.isBlank() ? "0" : camera);
    }

    public static RecordingInput files(Path audio, Path video) {
        return new RecordingInput(audio, video, null, null);
    }

    public boolean isLive() {
        return mic != null;
    }
}
