package dev.attend.app.bench.soak;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes a soak's samples to a CSV file as they are taken (appended and flushed each time), and the trend of the
 * steady samples so far to {@code FILE.trend} (replaced in one step), so a run cut short (a session that ends, a
 * killed process) still leaves its data and its verdict up to the last sample.
 */
public final class SampleLog {

    /** The CSV header: elapsed minutes, sessions so far, then the sampled values. */
    public static final String HEADER = "minute,sessions,rss_mib,heap_mib,threads,fds";

    private final Path file;
    private final Path trendFile;
    private final Duration warmup;
    private final List<ProcessSample> steady = new ArrayList<>();

    private SampleLog(Path file, Duration warmup) {
        this.file = file;
        this.trendFile = file.resolveSibling(file.getFileName() + ".trend");
        this.warmup = warmup;
    }

    /** Starts a new log at {@code file} (replacing an older one); samples before {@code warmup} are not trended. */
    public static SampleLog create(Path file, Duration warmup) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, HEADER + "\n", StandardCharsets.UTF_8);
        SampleLog log = new SampleLog(file, warmup);
        Files.deleteIfExists(log.trendFile);
        return log;
    }

    public Path file() {
        return file;
    }

    public Path trendFile() {
        return trendFile;
    }

    /** Appends one sample; once three steady samples exist, rewrites the trend file. */
    public void append(ProcessSample s, long sessions) throws IOException {
        Files.writeString(file, String.format(Locale.ROOT, "%.3f,%d,%.1f,%.1f,%d,%d%n", s.elapsedSeconds() / 60,
                sessions, s.rssMiB(), s.heapMiB(), s.threads(), s.fds()), StandardCharsets.UTF_8,
                StandardOpenOption.APPEND, StandardOpenOption.SYNC);
        if (s.elapsedSeconds() < warmup.toSeconds()) {
            return;
        }
        steady.add(s);
        if (steady.size() < 3) {
            return;
        }
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
                "# trend of %d steady samples up to minute %.1f (warm-up %.1f min)%n", steady.size(),
                s.elapsedSeconds() / 60, warmup.toSeconds() / 60.0));
        boolean grows = false;
        for (TrendCheck.Result r : TrendCheck.all(steady)) {
            b.append(r.line()).append('\n');
            grows |= r.grows();
        }
        b.append(grows ? "trend: GROWS\n" : "trend: flat\n");
        Path tmp = trendFile.resolveSibling(trendFile.getFileName() + ".tmp");
        Files.writeString(tmp, b, StandardCharsets.UTF_8);
        Files.move(tmp, trendFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
