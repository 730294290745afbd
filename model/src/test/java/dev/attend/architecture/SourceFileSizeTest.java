package dev.attend.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Small named parts: no main source file over {@link #LIMIT} lines, across every module. */
class SourceFileSizeTest {

    static final int LIMIT = 300;

    /**
     * Files other helpers are splitting in session 4 (each in its own branch). The lead empties this list once
     * those branches are merged; a file that still needs more then says why in its own javadoc and stays here.
     */
    static final Set<String> BEING_SPLIT = Set.of(
            "fusion/src/main/java/dev/attend/fusion/model/FusionStream.java",   // fusion
            "fusion/src/main/java/dev/attend/fusion/model/FusionNet.java",      // fusion
            "model/src/main/java/dev/attend/assistant/AssistantStage.java",     // asst
            "ui/src/main/java/dev/attend/ui/attention/AttentionViewModel.java", // lab
            "ui/src/main/java/dev/attend/ui/training/TrainingViewModel.java",   // lab
            "ui/src/main/java/dev/attend/ui/MainWindow.java",                   // desk
            "ui/src/main/java/dev/attend/ui/MainViewModel.java",                // desk
            "app/src/main/java/dev/attend/app/bench/WakeBench.java");           // wake

    @Test
    void noMainFileIsOverTheLimit() throws IOException {
        List<String> over = new ArrayList<>();
        for (Path f : SourceTree.mainFiles()) {
            String name = SourceTree.name(f);
            long lines;
            try (Stream<String> s = Files.lines(f)) {
                lines = s.count();
            }
            if (lines > LIMIT && !BEING_SPLIT.contains(name)) {
                over.add(name + " (" + lines + " lines)");
            }
        }
        assertThat(over).as("main files over %d lines: split them along their jobs", LIMIT).isEmpty();
    }

    @Test
    void theAllowListNamesOnlyFilesThatExist() {
        List<String> all = SourceTree.mainFiles().stream().map(SourceTree::name).toList();
        // a stale entry (a file renamed or removed) would let a new file of that name grow unseen
        assertThat(all).containsAll(BEING_SPLIT);
    }

    @Test
    void theScanSeesEveryModule() {
        List<String> all = SourceTree.mainFiles().stream().map(SourceTree::name).toList();
        assertThat(all).contains("model/src/main/java/dev/attend/pipeline/Pipeline.java",
                "ui/src/main/java/dev/attend/ui/history/HistoryViewModel.java",
                "app/src/main/java/dev/attend/app/Main.java",
                "fusion/src/main/java/dev/attend/fusion/model/FusionNet.java");
    }
}
