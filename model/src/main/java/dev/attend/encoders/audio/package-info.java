/**
 * Audio encoders on the audio bus: the bundled ONNX audio models and the session feature that wires VAD and wake
 * words. Uses pipeline, event, onnx, models.
 */
package dev.attend.encoders.audio;
