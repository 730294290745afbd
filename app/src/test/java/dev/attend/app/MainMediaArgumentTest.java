package dev.attend.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Open with Attend": a lone existing file argument opens the app on it; anything else is the CLI's. */
class MainMediaArgumentTest {

    @Test
    void aLoneExistingFileIsTheMediaToOpen(@TempDir Path dir) throws Exception {
        Path wav = Files.writeString(dir.resolve("talk.wav"), "x");
        assertThat(Main.mediaArgument(wav.toString())).isEqualTo(wav);
        assertThat(Main.mediaArgument("--data-dir", dir.toString(), wav.toString())).isEqualTo(wav);
    }

    @Test
    void subcommandsOptionsFoldersAndMissingFilesAreNot(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("run"), "a file named like a subcommand");
        assertThat(Main.mediaArgument("run")).isNull();
        assertThat(Main.mediaArgument("--version")).isNull();
        assertThat(Main.mediaArgument(dir.toString())).isNull();
        assertThat(Main.mediaArgument(dir.resolve("missing.wav").toString())).isNull();
        assertThat(Main.mediaArgument("run", "--audio", "x.wav")).isNull();
        assertThat(Main.mediaArgument()).isNull();
    }
}
