package dev.attend.app.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LatencyStatsTest {

    @Test
    void nearestRankPercentilesOfKnownSamples() {
        long[] ms = new long[100];
        for (int i = 0; i < 100; i++) {
            ms[i] = (100 - i) * 1_000_000L; // 100 ms down to 1 ms, unsorted on purpose
        }
        LatencyStats s = LatencyStats.of("x", ms, 50_000_000L);
        assertThat(s.calls()).isEqualTo(100);
        assertThat(s.p50Ms()).isEqualTo(50.0);
        assertThat(s.p95Ms()).isEqualTo(95.0);
        assertThat(s.meanMs()).isCloseTo(50.5, within(1e-9));
        assertThat(s.cpuMeanMs()).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void aSingleSampleIsEveryPercentile() {
        LatencyStats s = LatencyStats.of("x", new long[] {2_000_000L}, 0);
        assertThat(s.p50Ms()).isEqualTo(2.0);
        assertThat(s.p95Ms()).isEqualTo(2.0);
    }

    @Test
    void percentilesOfUnsortedDoublesLeaveTheInputAlone() {
        double[] ms = {9, 1, 5, 3, 7, 2, 8, 4, 10, 6};
        assertThat(LatencyStats.percentile(ms, 0.50)).isEqualTo(5.0);
        assertThat(LatencyStats.percentile(ms, 0.95)).isEqualTo(10.0);
        assertThat(LatencyStats.percentile(ms, 0.0)).isEqualTo(1.0);
        assertThat(ms).containsExactly(9, 1, 5, 3, 7, 2, 8, 4, 10, 6);
        assertThat(LatencyStats.percentile(new double[0], 0.5)).isZero();
    }
}
