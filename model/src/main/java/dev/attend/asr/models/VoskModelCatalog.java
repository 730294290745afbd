package dev.attend.asr.models;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attend.config.AppDirs;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Vosk models one can install. A built-in copy of the official list ships in this jar so the app works offline;
 * {@code attend models refresh} downloads the official list (only then, and only when asked) and caches it under
 * the data dir, where it takes precedence over the built-in copy.
 */
public final class VoskModelCatalog {

    /** Vosk's own model list, the one its Python client reads. */
    public static final URI OFFICIAL_LIST = URI.create("https://alphacephei.com/vosk/models/model-list.json");
    static final String BUILT_IN_RESOURCE = "/dev/attend/asr/models/vosk-model-list.json";
    static final String CACHE_FILE = "vosk-model-list.json";

    private static final Logger LOG = LoggerFactory.getLogger(VoskModelCatalog.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<VoskModelInfo> models;
    private final String source;

    private VoskModelCatalog(List<VoskModelInfo> models, String source) {
        this.models = List.copyOf(models);
        this.source = source;
    }

    private static final String BUILT_IN_SOURCE = "built-in list";

    /** The copy shipped in the jar. */
    public static VoskModelCatalog builtIn() {
        try (InputStream in = VoskModelCatalog.class.getResourceAsStream(BUILT_IN_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the built-in Vosk model list " + BUILT_IN_RESOURCE
                        + " is missing from the attend-model jar");
            }
            return parse(in, BUILT_IN_SOURCE);
        } catch (IOException e) {
            throw new IllegalStateException("the built-in Vosk model list is damaged: " + e.getMessage(), e);
        }
    }

    /** The refreshed list cached under the data dir when there is a readable one, else the built-in copy. */
    public static VoskModelCatalog load(AppDirs dirs) {
        Path cached = cacheFile(dirs);
        if (Files.isRegularFile(cached)) {
            try (InputStream in = Files.newInputStream(cached)) {
                return parse(in, "list refreshed " + Files.getLastModifiedTime(cached)).withPinnedDigests(builtIn());
            } catch (IOException e) {
                LOG.warn("ignoring the cached Vosk model list {} ({}); using the built-in list", cached,
                        e.getMessage());
            }
        }
        return builtIn();
    }

    /** Where {@code attend models refresh} keeps the downloaded list. */
    public static Path cacheFile(AppDirs dirs) {
        return dirs.models().resolve(CACHE_FILE);
    }

    /** Parses a list in the official format; at least one entry with a name is required. */
    public static VoskModelCatalog parse(InputStream in, String source) throws IOException {
        List<VoskModelInfo> list;
        try {
            list = JSON.readValue(in, new TypeReference<List<VoskModelInfo>>() { });
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IOException("the Vosk model list (" + source + ") is not valid: "
                    + e.getOriginalMessage(), e);
        } catch (NullPointerException e) {
            throw new IOException("the Vosk model list (" + source + ") has an entry without a name", e);
        }
        if (list == null || list.isEmpty()) {
            throw new IOException("the Vosk model list (" + source + ") is empty");
        }
        return new VoskModelCatalog(list, source);
    }

    /** Writes the list in the official format (used to cache a refreshed list). */
    public void write(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName().toString(), ".tmp");
        try {
            JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), models);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * This list with the SHA-256 of {@code pinned}'s entries carried over where an entry has none and is the same
     * archive: same name, same address and the same exact size. The official list publishes only MD5s, so a refresh
     * would otherwise drop the built-in list's stronger digests; a re-published archive (another size) keeps only
     * the list's own MD5.
     */
    VoskModelCatalog withPinnedDigests(VoskModelCatalog pinned) {
        List<VoskModelInfo> merged = models.stream().map(m -> m.hasSha256() ? m : pinned.find(m.name())
                .filter(p -> p.hasSha256() && p.url().equals(m.url()) && p.size() == m.size())
                .map(p -> m.withSha256(p.sha256())).orElse(m)).toList();
        return new VoskModelCatalog(merged, source);
    }

    public List<VoskModelInfo> models() {
        return models;
    }

    /** "built-in list" or "list refreshed DATE". */
    public String source() {
        return source;
    }

    /** True for the copy shipped in the jar (no refreshed list cached). */
    public boolean isBuiltIn() {
        return BUILT_IN_SOURCE.equals(source);
    }

    public Optional<VoskModelInfo> find(String name) {
        return models.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    /**
     * The model to suggest for a catalog language code ({@code en-us}, {@code cn}, …): the newest small, current
     * model of that language, else the newest current one of any type.
     */
    public Optional<VoskModelInfo> recommended(String lang) {
        Comparator<VoskModelInfo> newestFirst = Comparator.comparing(VoskModelInfo::version,
                VoskModelCatalog::compareVersions).reversed();
        List<VoskModelInfo> current = models.stream()
                .filter(m -> m.lang().equalsIgnoreCase(lang) && !m.obsolete())
                .sorted(newestFirst)
                .toList();
        return current.stream().filter(VoskModelInfo::isSmall).findFirst().or(() -> current.stream().findFirst());
    }

    /** Compares dotted version strings numerically where they are numbers ("0.4" < "0.15" < "0.22"). */
    static int compareVersions(String a, String b) {
        String[] x = a.toLowerCase(Locale.ROOT).split("[.-]");
        String[] y = b.toLowerCase(Locale.ROOT).split("[.-]");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            String p = i < x.length ? x[i] : "";
            String q = i < y.length ? y[i] : "";
            int c = p.matches("\\d{1,9}") && q.matches("\\d{1,9}")
                    ? Integer.compare(Integer.parseInt(p), Integer.parseInt(q)) : p.compareTo(q);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
