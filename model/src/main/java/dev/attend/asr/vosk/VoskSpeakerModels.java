package dev.attend.asr.vosk;

import dev.attend.speaker.SpeakerModelBundle;
import dev.attend.speaker.SpeakerModelException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vosk.SpeakerModel;

/**
 * Loaded libvosk {@link SpeakerModel}s, one per folder, shared by every recognizer using it and freed with the last
 * {@link Lease}. Thread-safe.
 */
public final class VoskSpeakerModels {

    private static final Logger LOG = LoggerFactory.getLogger(VoskSpeakerModels.class);
    private static final VoskSpeakerModels SHARED = new VoskSpeakerModels();

    private final Map<Path, Entry> entries = new HashMap<>();

    private static final class Entry {
        final Path dir;
        final SpeakerModel model;
        int refs;

        Entry(Path dir, SpeakerModel model) {
            this.dir = dir;
            this.model = model;
        }
    }

    /** A reference to a loaded speaker model; close exactly once (later closes do nothing). */
    public final class Lease implements AutoCloseable {
        private final Entry entry;
        private final AtomicBoolean closed = new AtomicBoolean();

        private Lease(Entry entry) {
            this.entry = entry;
        }

        public SpeakerModel model() {
            return entry.model;
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                release(entry);
            }
        }
    }

    public static VoskSpeakerModels shared() {
        return SHARED;
    }

    /**
     * Loads (or shares) the speaker model in {@code dir}.
     *
     * @throws SpeakerModelException files missing, or libvosk refused them
     */
    public Lease acquire(Path dir) {
        SpeakerModelBundle.checkFolder(dir);
        Path key;
        try {
            key = dir.toRealPath();
        } catch (IOException e) {
            throw new SpeakerModelException("cannot resolve speaker model folder " + dir + ": " + e.getMessage(), e);
        }
        VoskNative.ensureLoaded();
        synchronized (this) {
            Entry e = entries.get(key);
            if (e == null) {
                try {
                    e = new Entry(key, new SpeakerModel(key.toString()));
                } catch (IOException | RuntimeException ex) {
                    throw new SpeakerModelException("libvosk could not load the speaker model in " + dir
                            + " (its reason is on standard error); speaker labels are off", ex);
                }
                entries.put(key, e);
                LOG.info("loaded Vosk speaker model {}", key);
            }
            e.refs++;
            return new Lease(e);
        }
    }

    private synchronized void release(Entry e) {
        if (--e.refs > 0) {
            return;
        }
        entries.remove(e.dir);
        e.model.close();
        LOG.debug("freed Vosk speaker model {}", e.dir);
    }

    /** Speaker models loaded right now. */
    public synchronized int openModels() {
        return entries.size();
    }
}
