package dev.attend.pipeline;

import dev.attend.event.CoreEvents;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens a session's sources: a required one that fails stops the start; an optional one is left out. */
final class SourceOpener {

    private static final Logger LOG = LoggerFactory.getLogger(SourceOpener.class);

    private SourceOpener() {
    }

    /**
     * Opens every source in {@code sources}, removing optional ones that fail (unless it is the only source).
     *
     * @return a non-fatal {@code error} event for each source left out
     * @throws SourceException when a required source fails; every source opened so far is closed again
     */
    static List<CoreEvents.SourceError> open(List<MediaSource> sources, List<MediaSource> optional,
                                             SessionClock clock) throws SourceException {
        List<MediaSource> opened = new ArrayList<>();
        List<CoreEvents.SourceError> skipped = new ArrayList<>();
        try {
            for (MediaSource s : List.copyOf(sources)) {
                try {
                    s.open(clock);
                    opened.add(s);
                } catch (SourceException e) {
                    if (!optional.contains(s) || sources.size() == 1) {
                        s.close(); // the pipeline owns it: closed here, once, like the ones already opened
                        throw e;
                    }
                    // e.g. no camera: the session goes on with the other sources
                    LOG.warn("{} unavailable, continuing without it: {}", s.name(), e.getMessage());
                    s.close();
                    sources.remove(s);
                    skipped.add(new CoreEvents.SourceError(0, s.name(), e.getMessage(), false));
                }
            }
        } catch (SourceException | RuntimeException e) {
            opened.forEach(MediaSource::close);
            throw e;
        }
        return skipped;
    }
}
