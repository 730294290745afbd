package dev.attend.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attend.testing.TestWavs;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code attend translate} and {@code attend run --translate} against the installed Apertium. */
class TranslateCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private CommandLine cli() {
        CommandLine cl = AttendCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl;
    }

    @Test
    void listsInstalledPairsWithTheirPackages() {
        assertThat(cli().execute("translate", "--list")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString().lines()).contains("eng-spa\tapertium-eng-spa", "gl-en\tapertium-en-gl");
    }

    @Test
    void translatesTheArgumentsAsOneText() {
        assertThat(cli().execute("translate", "--pair", "eng-spa", "The", "house is red.")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).isEqualTo("La casa es roja." + System.lineSeparator());
    }

    @Test
    void translatesStandardInputLineByLineKeepingUnknownMarksOnRequest() {
        CommandLine cl = cli();
        TranslateCommand cmd = cl.getSubcommands().get("translate").getCommand();
        cmd.stdin = new ByteArrayInputStream("The house is red.\n\nThe xyzzy is red.\n".getBytes(StandardCharsets.UTF_8));
        assertThat(cl.execute("translate", "--pair", "eng-spa", "--marks")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString().lines()).containsExactly("La casa es roja.", "", "El *xyzzy es rojo.");
    }

    /** Issue 18, defect 12: a bare CR is no line end, so output lines match input lines (CRLF still works). */
    @Test
    void aBareCarriageReturnDoesNotSplitALine() {
        CommandLine cl = cli();
        TranslateCommand cmd = cl.getSubcommands().get("translate").getCommand();
        cmd.stdin = new ByteArrayInputStream("The house\ris red.\r\nThe dog.\nThe cat.".getBytes(StandardCharsets.UTF_8));
        assertThat(cl.execute("translate", "--pair", "eng-spa")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString().lines()).containsExactly("La casa es roja.", "El perro.", "El gato.");
    }

    @Test
    void aMissingPairIsOneClearLineNamingThePackageAndExitCode2() {
        assertThat(cli().execute("translate", "--pair", "eng-xyz", "hello")).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString().lines()).singleElement().asString()
                .startsWith("attend: Apertium pair 'eng-xyz' is not installed")
                .contains("apertium-eng-xyz");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void withoutPairOrListItAsksForOne() {
        assertThat(cli().execute("translate", "hello")).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("--pair");
    }

    @Test
    void runWithAMissingPairFailsClearlyAndARealPairRunsTheSession(@TempDir Path dir) throws Exception {
        Path wav = TestWavs.silence(dir.resolve("tone.wav"), 16000, 16000);
        Path events = dir.resolve("events.jsonl");

        assertThat(cli().execute("run", "--audio", wav.toString(), "--fast", "--translate", "eng-xyz",
                "--events", events.toString())).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("'eng-xyz' is not installed", "apertium-eng-xyz");

        assertThat(cli().execute("run", "--audio", wav.toString(), "--fast", "--translate", "eng-spa",
                "--events", events.toString())).isEqualTo(ExitCodes.OK);
        List<String> lines = Files.readAllLines(events);
        assertThat(lines.get(0)).contains("\"type\":\"session.start\"");
        assertThat(lines.get(lines.size() - 1)).contains("\"type\":\"session.end\"", "\"reason\":\"eof\"");
    }
}
