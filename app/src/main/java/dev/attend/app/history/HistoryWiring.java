package dev.attend.app.history;

import dev.attend.app.session.SessionSpec;
import dev.attend.config.AppDirs;
import dev.attend.event.EventSink;
import dev.attend.history.Embedder;
import dev.attend.history.HistoryDb;
import dev.attend.history.HistoryPrefs;
import dev.attend.history.HistoryRecorder;
import dev.attend.history.HistoryStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts a {@link HistoryRecorder} in front of a session's event sink (CLI {@code run --history}, and every GUI
 * session unless history is paused) and applies the retention setting first.
 */
public final class HistoryWiring {

    private static final Logger LOG = LoggerFactory.getLogger(HistoryWiring.class);

    private HistoryWiring() {
    }

    /** The recorder for a session of {@code spec}; events go on to {@code downstream}. Never throws. */
    public static HistoryRecorder recorder(AppDirs dirs, SessionSpec spec, EventSink downstream,
                                           Consumer<String> onProblem) {
        Path file = HistoryDb.defaultFile(dirs);
        String model = spec.features().asrModel() == null ? null
                : Path.of(spec.features().asrModel()).getFileName().toString();
        return HistoryRecorder.open(file, new HistoryRecorder.SessionMeta(model, spec.features().translationPair()),
                downstream, onProblem, Embedder::miniLm);
    }

    /**
     * Applies the retention setting and tells whether a GUI session should be recorded (false when the user paused
     * the history).
     */
    public static boolean shouldRecord(AppDirs dirs) {
        try (HistoryDb db = HistoryDb.open(HistoryDb.defaultFile(dirs))) {
            HistoryPrefs prefs = new HistoryPrefs(new HistoryStore(db));
            int deleted = prefs.applyRetention(Instant.now());
            if (deleted > 0) {
                LOG.info("history: {} sessions older than {} days deleted", deleted, prefs.retentionDays());
            }
            return !prefs.paused();
        } catch (Exception e) {
            LOG.warn("history: cannot read its settings: {}", e.getMessage());
            return true; // the recorder reports the problem itself
        }
    }
}
