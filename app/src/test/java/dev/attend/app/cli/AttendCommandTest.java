package dev.attend.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.attend.audio.AudioDevices;
import dev.attend.video.CameraDevices;
import org.junit.jupiter.api.Test;

class AttendCommandTest {

    @Test
    void versionPrintsTheBuildVersion() {
        CliRunner.Result r = CliRunner.run("--version");
        assertThat(r.code()).isZero();
        assertThat(r.outLines().get(0)).matches("attend \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
        assertThat(r.outLines().get(1)).startsWith("Java 17").doesNotContain("unknown");
    }

    @Test
    void helpListsTheSubcommands() {
        CliRunner.Result r = CliRunner.run("--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Usage: attend", "devices", "run", "bench", "--data-dir", "--config-dir");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void runHelpListsEveryOption() {
        CliRunner.Result r = CliRunner.run("run", "--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("--mic", "--audio", "--camera", "--video", "--realtime", "--fast", "--events",
                "--camera-size", "--camera-fps", "--max-seconds");
    }

    @Test
    void devicesSaysNoneFound() {
        assumeTrue(AudioDevices.inputs().isEmpty() && CameraDevices.list().isEmpty(), "this machine has devices");
        CliRunner.Result r = CliRunner.run("devices");
        assertThat(r.code()).isZero();
        assertThat(r.outLines()).containsExactly("Audio inputs:", "  none found", "Cameras:", "  none found");
    }

    @Test
    void unknownOptionIsBadInput() {
        CliRunner.Result r = CliRunner.run("run", "--loud");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.errLines()).containsExactly("attend: Unknown option: '--loud'",
                "Try 'attend run --help' for more information.");
    }

    @Test
    void unknownSubcommandIsBadInput() {
        CliRunner.Result r = CliRunner.run("fly");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("fly");
    }

    @Test
    void noSubcommandWithoutADisplayShowsHelp() {
        // Main opens the GUI only with a display; the command itself always explains and shows the usage
        CliRunner.Result r = CliRunner.run();
        assertThat(r.code()).isZero();
        assertThat(r.err()).startsWith("attend: no display found").contains("Usage: attend");
    }

    @Test
    void benchPipelineRejectsAMissingFile() {
        CliRunner.Result r = CliRunner.run("bench", "pipeline", "--rounds", "1", "/no/such/file.wav");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.errLines()).containsExactly("attend: audio file not found: /no/such/file.wav");
    }

    @Test
    void benchWithoutASubcommandShowsItsUsage() {
        CliRunner.Result r = CliRunner.run("bench");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("pipeline");
    }
}
