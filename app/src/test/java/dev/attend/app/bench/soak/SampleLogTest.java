package dev.attend.app.bench.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A soak's samples and trend are on disk after every sample, so a run cut short keeps them. */
class SampleLogTest {

    @TempDir
    Path tmp;

    @Test
    void everySampleIsOnDiskAtOnceAndTheTrendFollowsTheSteadySamples() throws IOException {
        Path csv = tmp.resolve("soak/samples.csv");
        SampleLog log = SampleLog.create(csv, Duration.ofMinutes(1));
        log.append(new ProcessSample(0, 300, 8, 20, 50), 0);
        log.append(new ProcessSample(30, 420, 9, 22, 51), 3);
        // cut here: the data so far is complete, no trend yet (warm-up only)
        assertThat(Files.readAllLines(csv)).containsExactly(SampleLog.HEADER, "0.000,0,300.0,8.0,20,50",
                "0.500,3,420.0,9.0,22,51");
        assertThat(log.trendFile()).doesNotExist();

        for (int i = 0; i < 6; i++) { // flat after the warm-up
            log.append(new ProcessSample(60 + 30 * i, 450, 10, 25, 55), 6 + i);
        }
        assertThat(Files.readAllLines(csv)).hasSize(1 + 8);
        List<String> trend = Files.readAllLines(log.trendFile());
        assertThat(trend.get(0)).isEqualTo("# trend of 6 steady samples up to minute 3.5 (warm-up 1.0 min)");
        assertThat(trend).last().isEqualTo("trend: flat");
        assertThat(trend).anyMatch(l -> l.startsWith("rssMiB"));

        for (int i = 0; i < 12; i++) { // then RSS climbs 40 MiB a sample: a leak
            log.append(new ProcessSample(240 + 30 * i, 450 + 40 * (i + 1), 10, 25, 55), 12 + i);
        }
        assertThat(Files.readAllLines(log.trendFile())).last().isEqualTo("trend: GROWS");
    }

    @Test
    void aNewLogReplacesAnOldOne() throws IOException {
        Path csv = tmp.resolve("samples.csv");
        SampleLog old = SampleLog.create(csv, Duration.ZERO);
        for (int i = 0; i < 3; i++) {
            old.append(new ProcessSample(i, 400, 8, 20, 50), i);
        }
        assertThat(old.trendFile()).exists();
        SampleLog fresh = SampleLog.create(csv, Duration.ZERO);
        assertThat(Files.readAllLines(csv)).containsExactly(SampleLog.HEADER);
        assertThat(fresh.trendFile()).doesNotExist();
    }
}
