package dev.attend.encoders.vision;

/**
 * One face's token for the fusion transformer: media time, frame, track identity and its
 * {@link FaceDescriptor} (a fresh array; listeners may keep it).
 */
public record VideoToken(double t, long frame, int track, float[] descriptor) {
}
