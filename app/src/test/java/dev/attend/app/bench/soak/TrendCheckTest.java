package dev.attend.app.bench.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The soak's growth verdicts on made-up series with known answers. */
class TrendCheckTest {

    /**
     * RSS as sessions start and stop: a floor near 460 MiB with peaks up to +230 MiB, in a fixed pattern; 52 samples
     * 15 s apart, the steady part of the CI soak.
     */
    private static List<ProcessSample> swinging(double leakPerSample) {
        double[] swing = {0, 110, 220, 60, 30, 150, 90, 230, 10, 160};
        List<ProcessSample> s = new ArrayList<>();
        for (int i = 0; i < 52; i++) {
            s.add(new ProcessSample(i * 15.0, 460 + swing[i % swing.length] + leakPerSample * i, 8, 20, 55));
        }
        return s;
    }

    private static TrendCheck.Result rss(List<ProcessSample> samples) {
        return TrendCheck.all(samples).get(0);
    }

    @Test
    void aSwingingButFlatRssIsFlat() {
        TrendCheck.Result r = rss(swinging(0));
        assertThat(r.metric()).isEqualTo("rssMiB");
        assertThat(r.grows()).as(r.line()).isFalse();
        assertThat(r.start()).isEqualTo(460.0);
    }

    /** The steady samples of a CI run that failed before the floor ignored one outlier (333.5 MiB at 1.3 min). */
    @Test
    void oneLowRssOutlierAfterTheWarmUpDoesNotFakeALeak() {
        double[] rss = {393.9, 395.9, 333.5, 427.2, 429.7, 423.0, 422.8, 423.7, 421.5, 422.6, 423.9, 424.7, 422.8,
                422.9, 424.0, 444.8, 430.5, 431.8, 430.1};
        List<ProcessSample> s = new ArrayList<>();
        for (int i = 0; i < rss.length; i++) {
            s.add(new ProcessSample(60 + i * 10.0, rss[i], 8, 20, 55));
        }
        TrendCheck.Result r = rss(s);
        assertThat(r.grows()).as(r.line()).isFalse();
        assertThat(r.start()).isEqualTo(393.9);
    }

    @Test
    void aLeakThatLiftsTheFloorIsCaught() {
        TrendCheck.Result r = rss(swinging(2)); // 2 MiB per sample (480 MiB an hour): +66 MiB floor over the run
        assertThat(r.grows()).as(r.line()).isTrue();
        assertThat(r.end() - r.start()).isGreaterThan(48);
    }

    @Test
    void threadsAreComparedByMedianAndOneMoreThreadIsTolerated() {
        List<ProcessSample> s = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            s.add(new ProcessSample(i, 400, 8, i < 6 ? 20 : 22, 55));
        }
        assertThat(TrendCheck.all(s).get(2).grows()).isFalse(); // 20 → 22: within the allowed 2
        s.add(new ProcessSample(9, 400, 8, 25, 55));
        s.add(new ProcessSample(10, 400, 8, 25, 55));
        s.add(new ProcessSample(11, 400, 8, 25, 55));
        assertThat(TrendCheck.all(s).get(2).grows()).isTrue();
    }
}
