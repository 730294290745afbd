package dev.attend.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import dev.attend.config.AppDirs;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;

/** The shipped Logback setup (LogConfigurator): a rotating file in the data dir's logs folder, only warnings on stderr. */
class LoggingTest {

    @Test
    void initPointsTheLogFolderAtTheDataDir(@TempDir Path tmp) {
        String before = System.getProperty("attend.log.dir");
        try {
            AppDirs dirs = AppDirs.resolve("Linux", tmp, Map.of(), null, tmp.resolve("data"));
            Logging.init(dirs);
            assertThat(tmp.resolve("data/logs")).isDirectory();
            assertThat(System.getProperty("attend.log.dir")).isEqualTo(tmp.resolve("data/logs").toString());
        } finally {
            if (before == null) {
                System.clearProperty("attend.log.dir");
            } else {
                System.setProperty("attend.log.dir", before);
            }
        }
    }

    @Test
    void fileGetsInfoAndStderrOnlyWarnings(@TempDir Path tmp) throws Exception {
        LoggerContext ctx = new LoggerContext(); // a private context: the tests' own logging is untouched
        ctx.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
        PrintStream realErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            LogConfigurator.apply(ctx, tmp.toString());
            ctx.getLogger("org.bytedeco.ffmpeg").info("ffmpeg says something");
            Logger log = ctx.getLogger("dev.attend.test");
            log.debug("a debug line");
            log.info("an info line");
            log.warn("a warning line");
            log.error("an error line");
        } finally {
            ctx.stop();
            System.setErr(realErr);
        }
        String file = Files.readString(tmp.resolve("attend.log"));
        assertThat(file).contains("INFO", "an info line", "a warning line", "an error line", "ffmpeg says something")
                .doesNotContain("a debug line");
        assertThat(err.toString(StandardCharsets.UTF_8).split("\n"))
                .containsExactly("attend: WARN a warning line", "attend: ERROR an error line");
    }

    @Test
    void aLogFileThatCannotBeWrittenIsFoundBeforeLogbackStarts(@TempDir Path tmp) throws Exception {
        Path notADir = Files.writeString(tmp.resolve("plain-file"), "x");
        assertThat(Logging.cannotWrite(notADir.resolve("logs/attend.log"))).isEqualTo("Not a directory");
        assertThat(Logging.cannotWrite(tmp.resolve("data/logs/attend.log"))).isNull();
    }

    @Test
    void withoutALogFileOnlyWarningsReachStderr(@TempDir Path tmp) throws Exception {
        LoggerContext ctx = new LoggerContext();
        ctx.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
        PrintStream realErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            LogConfigurator.apply(ctx, null);
            ctx.getLogger("dev.attend.test").info("an info line");
            ctx.getLogger("dev.attend.test").warn("a warning line");
            ctx.getLogger("dev.attend.app.failure").error("a stack trace for the file");
        } finally {
            ctx.stop();
            System.setErr(realErr);
        }
        assertThat(err.toString(StandardCharsets.UTF_8).split("\n")).containsExactly("attend: WARN a warning line");
        try (var files = Files.list(tmp)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void logbackFindsTheConfiguratorThroughItsServiceLoader() throws Exception {
        URL services = Main.class.getResource("/META-INF/services/ch.qos.logback.classic.spi.Configurator");
        assertThat(services).isNotNull();
        try (var in = services.openStream()) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8).trim())
                    .isEqualTo(LogConfigurator.class.getName());
        }
    }

    @Test
    void onlyGlobalFolderOptionsMeanTheGui() {
        assertThat(Main.wantsGui()).isTrue();
        assertThat(Main.wantsGui("--data-dir", "some/data")).isTrue();
        assertThat(Main.wantsGui("--config-dir=/c", "--data-dir", "/d")).isTrue();
        assertThat(Main.wantsGui("devices")).isFalse();
        assertThat(Main.wantsGui("--data-dir", "/d", "run", "--audio", "a.wav")).isFalse();
        assertThat(Main.wantsGui("--help")).isFalse();
        assertThat(Main.wantsGui("--version")).isFalse();
        assertThat(Main.wantsGui("--no-such-option")).isFalse();
        assertThat(Main.wantsGui("--data-dir")).isFalse(); // a folder option without its value: the CLI reports it
    }

    @Test
    void dataDirFlagIsFoundBeforeParsing() {
        assertThat(Main.flag(new String[] {"run", "--data-dir", "/x/y", "--fast"}, "--data-dir"))
                .isEqualTo(Path.of("/x/y"));
        assertThat(Main.flag(new String[] {"--data-dir=/a", "devices"}, "--data-dir")).isEqualTo(Path.of("/a"));
        assertThat(Main.flag(new String[] {"run", "--fast"}, "--data-dir")).isNull();
    }
}
