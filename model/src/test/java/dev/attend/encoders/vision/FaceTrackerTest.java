package dev.attend.encoders.vision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FaceTrackerTest {

    private static FaceDetection box(float x, float y) {
        return new FaceDetection(0.9f, x, y, 100, 100, new float[12]);
    }

    @Test
    void movingFaceKeepsItsIdAndANewFaceGetsANewOne() {
        FaceTracker t = new FaceTracker(0.3f, 2);
        for (int i = 0; i < 20; i++) {
            List<FaceTracker.Assignment> a = t.update(List.of(box(10 + 8 * i, 20)));
            assertThat(a).singleElement().satisfies(x -> assertThat(x.track().id()).isEqualTo(1));
        }
        List<FaceTracker.Assignment> two = t.update(List.of(box(500, 400), box(10 + 8 * 20, 20)));
        assertThat(two.get(0).track().id()).isEqualTo(2);
        assertThat(two.get(1).track().id()).isEqualTo(1);
        assertThat(two.get(1).track().hits()).isEqualTo(21);
    }

    @Test
    void twoFacesCrossingPickTheBestOverlap() {
        FaceTracker t = new FaceTracker(0.3f, 2);
        t.update(List.of(box(0, 0), box(120, 0)));
        List<FaceTracker.Assignment> a = t.update(List.of(box(110, 0), box(10, 0)));
        assertThat(a.get(0).track().id()).isEqualTo(2);
        assertThat(a.get(1).track().id()).isEqualTo(1);
    }

    @Test
    void tracksExpireAfterMaxMissedFrames() {
        FaceTracker t = new FaceTracker(0.3f, 2);
        t.update(List.of(box(0, 0)));
        t.update(List.of());
        t.update(List.of());
        assertThat(t.tracks()).singleElement().satisfies(x -> assertThat(x.missed()).isEqualTo(2));
        assertThat(t.update(List.of(box(0, 0)))).singleElement()
                .satisfies(x -> assertThat(x.track().id()).isEqualTo(1)); // back within 2 missed frames
        t.update(List.of());
        t.update(List.of());
        t.update(List.of()); // third miss: gone
        assertThat(t.tracks()).isEmpty();
        assertThat(t.update(List.of(box(0, 0)))).singleElement()
                .satisfies(x -> assertThat(x.track().id()).isEqualTo(2));
    }
}
