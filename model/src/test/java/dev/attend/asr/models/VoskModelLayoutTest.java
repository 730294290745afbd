package dev.attend.asr.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VoskModelLayoutTest {

    @TempDir
    Path tmp;

    @Test
    void currentLayoutWithHclg() throws IOException {
        Path m = FakeVoskModel.write(tmp.resolve("m"));
        assertThat(VoskModelLayout.problem(m)).isEmpty();
        assertThat(VoskModelLayout.supportsGrammar(m)).isFalse();
    }

    @Test
    void currentLayoutWithSplitGraphSupportsGrammar() throws IOException {
        Path m = FakeVoskModel.write(tmp.resolve("m"));
        Files.delete(m.resolve("graph/HCLG.fst"));
        Files.writeString(m.resolve("graph/HCLr.fst"), "x");
        assertThat(VoskModelLayout.problem(m)).contains(m + " has graph/HCLr.fst but no graph/Gr.fst");
        Files.writeString(m.resolve("graph/Gr.fst"), "x");
        assertThat(VoskModelLayout.isModel(m)).isTrue();
        assertThat(VoskModelLayout.supportsGrammar(m)).isTrue();
    }

    @Test
    void oldLayoutAtTheTopLevel() throws IOException {
        Path m = Files.createDirectories(tmp.resolve("old"));
        Files.writeString(m.resolve("final.mdl"), "x");
        Files.writeString(m.resolve("mfcc.conf"), "x");
        assertThat(VoskModelLayout.problem(m)).contains(m + " has no HCLG.fst (nor HCLr.fst + Gr.fst)");
        Files.writeString(m.resolve("HCLG.fst"), "x");
        assertThat(VoskModelLayout.isModel(m)).isTrue();
    }

    @Test
    void missingPiecesAreNamed() throws IOException {
        Path m = FakeVoskModel.write(tmp.resolve("m"));
        Files.delete(m.resolve("conf/model.conf"));
        assertThat(VoskModelLayout.problem(m)).contains(m + " has am/final.mdl but no conf/model.conf");
        assertThat(VoskModelLayout.problem(tmp.resolve("none"))).contains(tmp.resolve("none") + " is not a folder");
        Path g = FakeVoskModel.write(tmp.resolve("g"));
        Files.delete(g.resolve("graph/HCLG.fst"));
        assertThat(VoskModelLayout.problem(g)).contains(g + " has no graph/HCLG.fst (nor graph/HCLr.fst + graph/Gr.fst)");
    }
}
