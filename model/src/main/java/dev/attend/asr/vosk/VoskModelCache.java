package dev.attend.asr.vosk;

import dev.attend.asr.EndpointerSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vosk.Model;

/**
 * One loaded libvosk {@link Model} per model folder (and endpointer settings), shared by every recognizer using it
 * and freed when the last {@link Lease} is closed. Models are large (up to gigabytes), so loading one twice would
 * be a waste. Thread-safe.
 */
public final class VoskModelCache {

    private static final Logger LOG = LoggerFactory.getLogger(VoskModelCache.class);
    private static final VoskModelCache SHARED = new VoskModelCache();

    private final Map<String, Entry> entries = new HashMap<>();
    private final AtomicLong loads = new AtomicLong();
    private final AtomicLong frees = new AtomicLong();

    /** The process-wide cache. */
    public static VoskModelCache shared() {
        return SHARED;
    }

    private static final class Entry {
        final String key;
        final VoskModelFolder folder;
        final Model model;
        final Path overlay;
        int refs;

        Entry(String key, VoskModelFolder folder, Model model, Path overlay) {
            this.key = key;
            this.folder = folder;
            this.model = model;
            this.overlay = overlay;
        }
    }

    /** A reference to a shared model; close it exactly once when done (later closes do nothing). */
    public final class Lease implements AutoCloseable {
        private final Entry entry;
        private final AtomicBoolean closed = new AtomicBoolean();

        private Lease(Entry entry) {
            this.entry = entry;
        }

        public Model model() {
            if (closed.get()) {
                throw new IllegalStateException("model lease already closed");
            }
            return entry.model;
        }

        public VoskModelFolder folder() {
            return entry.folder;
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                release(entry);
            }
        }
    }

    /**
     * Loads (or shares) the model in {@code dir}. The folder is checked on every call, so a model deleted or moved
     * since it was loaded gives a clear error instead of a surprise later.
     *
     * @throws VoskModelException       bad folder, or libvosk refused the model
     * @throws VoskUnavailableException libvosk cannot be loaded here
     */
    public Lease acquire(Path dir, EndpointerSettings endpointer) {
        VoskModelFolder folder = VoskModelFolder.check(dir);
        EndpointerSettings ep = endpointer == null ? EndpointerSettings.MODEL_DEFAULT : endpointer;
        String key;
        try {
            key = folder.dir().toRealPath() + "|" + ep.key();
        } catch (IOException e) {
            throw new VoskModelException("cannot resolve model folder " + folder.dir() + ": " + e.getMessage(), e);
        }
        VoskNative.ensureLoaded();
        synchronized (this) {
            Entry e = entries.get(key);
            if (e == null) {
                e = load(key, folder, ep);
                entries.put(key, e);
            }
            e.refs++;
            return new Lease(e);
        }
    }

    private Entry load(String key, VoskModelFolder folder, EndpointerSettings ep) {
        Path overlay = null;
        Path loadDir = folder.dir();
        if (!ep.isModelDefault()) {
            overlay = writeOverlay(folder, ep);
            loadDir = overlay;
        }
        String path = loadDir.toString();
        try {
            Model m = VoskNative.quietly(() -> new Model(path));
            loads.incrementAndGet();
            LOG.info("loaded Vosk model {}", folder.dir());
            return new Entry(key, folder, m, overlay);
        } catch (Exception e) {
            deleteOverlay(overlay);
            // libvosk was silent; its reason, cleaned up, comes from loading the model once more in a child process
            String reason;
            try {
                VoskLoadProbe.validate(folder.dir(), VoskLoadProbe.DEFAULT_TIMEOUT);
                reason = "libvosk could not load the model in " + folder.dir() + " (" + e.getMessage() + ")";
            } catch (VoskModelException probed) {
                reason = probed.getMessage();
            }
            throw new VoskModelException(reason, e);
        }
    }

    private synchronized void release(Entry e) {
        if (--e.refs > 0) {
            return;
        }
        entries.remove(e.key);
        e.model.close();
        frees.incrementAndGet();
        deleteOverlay(e.overlay);
        LOG.debug("freed Vosk model {}", e.folder.dir());
    }

    /** Models loaded right now. */
    public synchronized int openModels() {
        return entries.size();
    }

    /** Native models created and freed since start (equal when nothing is held). */
    public long loads() {
        return loads.get();
    }

    public long frees() {
        return frees.get();
    }

    /**
     * libvosk reads endpoint rules only from conf/model.conf, so other settings need a view of the model: a temporary
     * folder linking every entry of the model except conf/, whose files are linked too except model.conf, which is
     * the model's own plus the override lines (Kaldi keeps the last value of an option).
     */
    private static Path writeOverlay(VoskModelFolder folder, EndpointerSettings ep) {
        if (folder.flat()) {
            throw new VoskModelException("custom endpointer settings need a model with conf/model.conf; " + folder.dir()
                    + " has the old flat layout");
        }
        Path overlay = null;
        try {
            overlay = Files.createTempDirectory("attend-vosk-");
            Path src = folder.dir();
            try (Stream<Path> list = Files.list(src)) {
                for (Path p : (Iterable<Path>) list::iterator) {
                    if (!p.getFileName().toString().equals("conf")) {
                        Files.createSymbolicLink(overlay.resolve(p.getFileName().toString()), p);
                    }
                }
            }
            Path conf = Files.createDirectory(overlay.resolve("conf"));
            try (Stream<Path> list = Files.list(src.resolve("conf"))) {
                for (Path p : (Iterable<Path>) list::iterator) {
                    if (!p.getFileName().toString().equals("model.conf")) {
                        Files.createSymbolicLink(conf.resolve(p.getFileName().toString()), p);
                    }
                }
            }
            List<String> lines = new ArrayList<>(Files.readAllLines(src.resolve("conf/model.conf"), StandardCharsets.UTF_8));
            Map<String, String> own = parseConf(lines);
            ep.overrides(own).forEach((k, v) -> lines.add(k + "=" + v));
            Files.write(conf.resolve("model.conf"), lines, StandardCharsets.UTF_8);
            return overlay;
        } catch (IOException | UnsupportedOperationException e) {
            deleteOverlay(overlay);
            throw new VoskModelException("cannot apply endpointer settings to " + folder.dir()
                    + " (needs symbolic links in the temp folder: " + e.getMessage()
                    + "); use the model's own endpointing", e);
        }
    }

    static Map<String, String> parseConf(List<String> lines) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String l : lines) {
            String s = l.strip();
            int eq = s.indexOf('=');
            if (s.startsWith("--") && eq > 2) {
                m.put(s.substring(0, eq), s.substring(eq + 1).strip());
            }
        }
        return m;
    }

    /** Deletes the overlay's own files and links; never follows a link into the real model. */
    private static void deleteOverlay(Path overlay) {
        if (overlay == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(overlay)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            LOG.warn("could not delete temporary model view {}", overlay, e);
        }
    }
}
