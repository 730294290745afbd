package dev.attend.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.util.FileSize;

/**
 * The app's Logback configuration in code, found by Logback's service loader. It replaces a logback.xml because
 * parsing XML with Joran was the largest single cost of starting the desktop app (about a sixth of the time to the
 * first window); the appenders and levels are the same. A rotating file in the data dir's logs folder
 * ({@value #LOG_DIR}, set by {@link Logging}) gets INFO and above; stderr gets warnings ({@value #STDERR_LEVEL}
 * overrides). Without a log dir (the file cannot be written) only stderr is configured. A test class path's
 * {@code logback-test.xml} or an explicit {@code logback.configurationFile} wins, so tests keep their own setup.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class LogConfigurator extends ContextAwareBase implements Configurator {

    /** System property (or context property) naming the log folder; absent → stderr only. */
    static final String LOG_DIR = "attend.log.dir";
    /** System property with the stderr threshold (default WARN). */
    static final String STDERR_LEVEL = "attend.stderr.level";

    private static final String FILE_PATTERN = "%d{ISO8601} %-5level [%thread] %logger{36} - %msg%n";
    private static final String STDERR_PATTERN = "attend: %level %msg%n%nopex";

    @Override
    public ExecutionStatus configure(LoggerContext ctx) {
        if (System.getProperty("logback.configurationFile") != null
                || LogConfigurator.class.getClassLoader().getResource("logback-test.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        apply(ctx, System.getProperty(LOG_DIR));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** Configures {@code ctx}: the rotating file in {@code dir} (null: none) and stderr. */
    static void apply(LoggerContext ctx, String dir) {
        Logger root = ctx.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(stderr(ctx));
        // CPU-only machines with a CUDA runtime but no driver: DJL and ONNX Runtime warn on every model load;
        // models load from verified local files, which DJL's repository code calls "non-archive"
        for (String noisy : new String[] {"ai.djl.util.cuda.CudaUtils", "ai.djl.onnxruntime.engine.OrtEngine",
                "ai.djl.repository.SimpleRepository"}) {
            ctx.getLogger(noisy).setLevel(Level.ERROR);
        }
        // FFmpeg's own messages and the stack traces of failed commands explain what the terminal already says in
        // one line: the log file only (and nowhere when there is no file)
        Appender<ILoggingEvent> file = dir == null ? null : file(ctx, dir);
        for (String fileOnly : new String[] {"org.bytedeco", "dev.attend.app.failure"}) {
            Logger l = ctx.getLogger(fileOnly);
            l.setAdditive(false);
            l.setLevel(file == null ? Level.OFF : Level.INFO);
            if (file != null) {
                l.addAppender(file);
            }
        }
        if (file != null) {
            root.addAppender(file);
        }
    }

    private static Appender<ILoggingEvent> stderr(LoggerContext ctx) {
        ConsoleAppender<ILoggingEvent> a = new ConsoleAppender<>();
        a.setContext(ctx);
        a.setName("STDERR");
        a.setTarget("System.err");
        ThresholdFilter f = new ThresholdFilter();
        f.setLevel(System.getProperty(STDERR_LEVEL, "WARN"));
        f.start();
        a.addFilter(f);
        a.setEncoder(encoder(ctx, STDERR_PATTERN));
        a.start();
        return a;
    }

    private static Appender<ILoggingEvent> file(LoggerContext ctx, String dir) {
        RollingFileAppender<ILoggingEvent> a = new RollingFileAppender<>();
        a.setContext(ctx);
        a.setName("FILE");
        a.setFile(dir + "/attend.log");
        SizeAndTimeBasedRollingPolicy<ILoggingEvent> p = new SizeAndTimeBasedRollingPolicy<>();
        p.setContext(ctx);
        p.setParent(a);
        p.setFileNamePattern(dir + "/attend.%d{yyyy-MM-dd}.%i.log.gz");
        p.setMaxFileSize(FileSize.valueOf("10MB"));
        p.setMaxHistory(14);
        p.setTotalSizeCap(FileSize.valueOf("100MB"));
        p.start();
        a.setRollingPolicy(p);
        a.setEncoder(encoder(ctx, FILE_PATTERN));
        a.start();
        return a;
    }

    private static PatternLayoutEncoder encoder(LoggerContext ctx, String pattern) {
        PatternLayoutEncoder e = new PatternLayoutEncoder();
        e.setContext(ctx);
        e.setPattern(pattern);
        e.start();
        return e;
    }
}
