package dev.attend.fusion.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Calibration never leaves the user worse off: the rule that decides, and the folder swap. */
class CalibrationKeepTest {

    @TempDir
    Path tmp;

    @Test
    void theSession4RecordingsNumbersAreWorseAndNotKept() {
        // what the 6-prompt synthetic recording gave in session 4: sync confidence a little down, AUC a step down
        assertThat(Calibration.notWorse(Map.of("avSyncConfidence", 0.669, "addresseeRocAuc", 0.875),
                Map.of("avSyncConfidence", 0.666, "addresseeRocAuc", 0.75))).isFalse();
    }

    @Test
    void equalOrBetterIsKeptAndASmallDropIsTradedAgainstAGain() {
        Map<String, Double> before = Map.of("avSyncConfidence", 0.6, "avSyncAccuracy", 0.5);
        assertThat(Calibration.notWorse(before, before)).isTrue();
        assertThat(Calibration.notWorse(before, Map.of("avSyncConfidence", 0.58, "avSyncAccuracy", 0.75))).isTrue();
        // a gain elsewhere does not buy a fall of more than 0.05 in one metric
        assertThat(Calibration.notWorse(before, Map.of("avSyncConfidence", 0.54, "avSyncAccuracy", 1.0))).isFalse();
        // small falls only: worse on average
        assertThat(Calibration.notWorse(before, Map.of("avSyncConfidence", 0.59, "avSyncAccuracy", 0.49))).isFalse();
    }

    @Test
    void metricsWithoutAnAfterDoNotCountAndNoCommonMetricIsNotKept() {
        assertThat(Calibration.notWorse(Map.of("a", 0.5, "b", 0.9), Map.of("a", 0.5))).isTrue();
        assertThat(Calibration.notWorse(Map.of("a", 0.5), Map.of())).isFalse();
    }

    @Test
    void adoptingReplacesTheUserCheckpointWhole() throws Exception {
        Path user = tmp.resolve("fusion-user");
        Files.createDirectories(user);
        Files.writeString(user.resolve("old.txt"), "old");
        Path cand = Calibration.candidateDir(user);
        assertThat(cand.getFileName().toString()).isEqualTo("fusion-user.candidate");
        Files.createDirectories(cand);
        Files.writeString(cand.resolve("new.txt"), "new");
        Calibration.adopt(cand, user);
        assertThat(Files.readString(user.resolve("new.txt"))).isEqualTo("new");
        assertThat(user.resolve("old.txt")).doesNotExist();
        assertThat(cand).doesNotExist();
        assertThat(tmp.resolve("fusion-user.old")).doesNotExist();
    }
}
