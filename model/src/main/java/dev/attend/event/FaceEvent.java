package dev.attend.event;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;

/**
 * {@code face}: one per processed video frame (the list may be empty). Box, keypoints and mouth are in pixels of
 * the frame ({@code [x, y, w, h]}, keypoints {@code [[x, y], …6]} in the detector's order: eyes, nose, mouth, ears), rounded to
 * 0.1 px.
 */
@JsonTypeName("face")
public record FaceEvent(double t, long frame, int width, int height, List<Face> faces) implements AttendEvent {

    public FaceEvent {
        faces = List.copyOf(faces);
    }

    /** One tracked face. */
    public record Face(int track, double score, double[] box, double[][] keypoints, double[] mouth,
                       double mouthMotion) {
    }
}
