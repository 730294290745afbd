package dev.attend.encoders.vision;

/**
 * A face in one frame with its identity and derived features, all in frame pixels.
 *
 * @param descriptor {@link FaceDescriptor#SIZE} floats
 */
public record TrackedFace(int track, FaceDetection face, MouthRegion mouth, float mouthMotion, float[] descriptor) {
}
