package dev.attend.encoders.vision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SsdAnchorsTest {

    private final List<SsdAnchors.Anchor> anchors = SsdAnchors.generate(SsdAnchors.Options.blazeFaceFront());

    @Test
    void frontModelHas896AnchorsInTwoGrids() {
        assertThat(anchors).hasSize(896);
        // 16×16 cells × 2 anchors, then 8×8 cells × 6 anchors (three stride-16 layers merged)
        assertThat(anchors.get(0)).isEqualTo(new SsdAnchors.Anchor(0.5f / 16, 0.5f / 16, 1f, 1f));
        assertThat(anchors.get(1)).isEqualTo(anchors.get(0));
        assertThat(anchors.get(2)).isEqualTo(new SsdAnchors.Anchor(1.5f / 16, 0.5f / 16, 1f, 1f));
        assertThat(anchors.get(32)).isEqualTo(new SsdAnchors.Anchor(0.5f / 16, 1.5f / 16, 1f, 1f));
        assertThat(anchors.get(511)).isEqualTo(new SsdAnchors.Anchor(15.5f / 16, 15.5f / 16, 1f, 1f));
        assertThat(anchors.subList(512, 518)).containsOnly(new SsdAnchors.Anchor(0.5f / 8, 0.5f / 8, 1f, 1f));
        assertThat(anchors.get(518)).isEqualTo(new SsdAnchors.Anchor(1.5f / 8, 0.5f / 8, 1f, 1f));
        assertThat(anchors.get(895)).isEqualTo(new SsdAnchors.Anchor(7.5f / 8, 7.5f / 8, 1f, 1f));
    }

    @Test
    void withoutFixedSizeAnchorsCarryTheirScale() {
        SsdAnchors.Options o = new SsdAnchors.Options(128, 128, 0.1484375, 0.75, 0.5, 0.5, new int[] {8, 16, 16, 16},
                new double[] {1.0}, 1.0, false);
        List<SsdAnchors.Anchor> a = SsdAnchors.generate(o);
        assertThat(a).hasSize(896);
        assertThat(a.get(0).width()).isEqualTo(0.1484375f); // layer 0 scale
        // interpolated anchor of layer 0: sqrt(scale0 · scale1), scale1 = 0.1484375 + (0.75 − 0.1484375)/3
        assertThat(a.get(1).width()).isEqualTo((float) Math.sqrt(0.1484375 * (0.1484375 + 0.6015625 / 3)));
    }
}
