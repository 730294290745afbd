package dev.attend.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The soak CI runs (issue 18): 15 minutes of back-to-back all-stage sessions through the real launcher (its
 * heap limit and malloc settings), failing when RSS, heap after GC, threads or open files grow after the warm-up.
 * The long runs and their figures are in docs/performance.md.
 */
class SoakIT {

    @Test
    void fifteenMinutesOfAllStageSessionsDoNotGrow() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("target", "attend", "bin", "attend")), "launcher not built");
        ReliabilityIT.Run r = ReliabilityIT.launchFor(1500, Map.of(), "bench", "soak", "--minutes", "15",
                "--sample-seconds", "15", "--warmup-minutes", "2", "--max-rss-mib", "800");
        assertThat(r.out()).as(r.out()).contains("soak: OK");
        assertThat(r.code()).isZero();
    }
}
