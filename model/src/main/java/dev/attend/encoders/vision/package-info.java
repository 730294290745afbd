/**
 * Vision encoders on the video bus: BlazeFace (front, 128×128) face detection through DJL + ONNX Runtime, letterbox
 * preprocessing, SSD anchor decoding with weighted non-maximum suppression, IoU tracking across frames, a mouth
 * region with a mouth-motion feature, and a compact per-face descriptor published as the video token stream for the
 * fusion transformer.
 */
package dev.attend.encoders.vision;
