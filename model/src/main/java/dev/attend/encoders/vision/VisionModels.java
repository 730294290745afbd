package dev.attend.encoders.vision;

import dev.attend.models.BundledModel;

/** The vision models shipped in the resources jar (provenance in {@code VISION-MODELS.md} beside them). */
public final class VisionModels {

    private VisionModels() {
    }

    /** MediaPipe BlazeFace, front camera ("short range"), 128×128 input; Apache-2.0. */
    public static final BundledModel BLAZEFACE_FRONT = new BundledModel(
            "/dev/attend/resources/models/face_detection_front_128x128_barracuda.onnx",
            "d388b1cf8a5f6f1af2b3f4c14f6d0f138bab970cd618cccd12dddb7484e82e51");
}
