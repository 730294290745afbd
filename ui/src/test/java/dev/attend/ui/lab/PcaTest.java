package dev.attend.ui.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class PcaTest {

    @Test
    void firstComponentFollowsTheDirectionOfLargestSpread() {
        // points on the line y = 2x (plus a wobble uncorrelated with it): PC 1 is that line
        List<float[]> v = List.of(new float[] {0, 0, 0.1f}, new float[] {1, 2, -0.1f}, new float[] {2, 4, -0.1f},
                new float[] {3, 6, 0.1f});
        double[][] p = Pca.project2(v);
        double step = Math.sqrt(5);
        for (int i = 1; i < p.length; i++) {
            assertThat(Math.abs(p[i][0] - p[i - 1][0])).isCloseTo(step, within(1e-3));
        }
        assertThat(Math.abs(p[1][1])).isCloseTo(0.1, within(1e-3));
    }
}
