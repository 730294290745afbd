package dev.attend.speaker;

import dev.attend.models.ModelIntegrityException;
import dev.attend.models.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Vosk speaker-identification model {@code vosk-model-spk-0.4}, shipped in the resources jar (provenance in
 * {@code dev/attend/resources/models/vosk-model-spk-0.4/SPEAKER-MODEL.md}). libvosk reads plain folders, so
 * {@link #materialize} copies the files into {@code <cache>/models/vosk-model-spk-0.4-<hash>/} and checks every
 * file's SHA-256 (on every load, so a damaged cached copy is replaced). When the cache folder cannot be written
 * (read-only home, full disk) it falls back to a fresh temporary folder deleted at exit.
 */
public final class SpeakerModelBundle {

    private static final Logger LOG = LoggerFactory.getLogger(SpeakerModelBundle.class);

    public static final String NAME = "vosk-model-spk-0.4";
    static final String RESOURCE_DIR = "/dev/attend/resources/models/" + NAME + "/";

    /** The files libvosk reads (plus the upstream README), pinned by SHA-256. */
    public static final Map<String, String> FILES = files();

    private SpeakerModelBundle() {
    }

    private static Map<String, String> files() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("final.ext.raw", "d30354474ac719b3cfce58186463302b988cf22ce3afee7237a2da862c4a91d1");
        m.put("mean.vec", "3bc5dfa9479c3aaacf4f45c155e9bd4772785449112566fac23578c09e93bcd7");
        m.put("transform.mat", "fab14481fb27c41df0f1825afe18530e4f6d128dbb2c239ee86d8d7096e22c33");
        m.put("mfcc.conf", "86f4df625b950b81b68864fdefabf26aa65079f84ea20f40e7f9e7ccbb9c456c");
        m.put("README.txt", "df0a2ab600c337475b65fd4d6f29a1b9b18e09fc0211b5a7a4820dce82d4e23a");
        return Map.copyOf(m);
    }

    /** The files libvosk needs in a speaker-model folder. */
    public static final String[] REQUIRED = {"final.ext.raw", "mean.vec", "transform.mat", "mfcc.conf"};

    /** True when this build's class path carries the bundled model (an installer may leave it out). */
    public static boolean isBundled() {
        for (String f : REQUIRED) {
            if (SpeakerModelBundle.class.getResource(RESOURCE_DIR + f) == null) {
                return false;
            }
        }
        return true;
    }

    /** A verified copy in the default cache folder (or a temporary one if that is not writable). */
    public static Path materialize() throws IOException {
        return materialize(dev.attend.models.BundledModel.defaultCacheDir());
    }

    /**
     * A verified folder copy under {@code cacheDir}, else (cache not writable) under a new temporary folder.
     *
     * @throws ModelIntegrityException a file is missing from the class path or does not match its SHA-256
     */
    public static Path materialize(Path cacheDir) throws IOException {
        Path dir = cacheDir.resolve("models").resolve(NAME + "-" + FILES.get("final.ext.raw").substring(0, 12));
        try {
            return materializeInto(dir);
        } catch (ModelIntegrityException e) {
            throw e;
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // read-only or full cache: a temporary copy still lets speaker labels work this session
            return fallback(dir, e);
        }
    }

    private static Path fallback(Path dir, Exception cause) throws IOException {
        Path tmp = Files.createTempDirectory("attend-spk-");
        Runtime.getRuntime().addShutdownHook(dev.attend.concurrent.AttendThreads.newThread("speakers-cleanup",
                () -> deleteTree(tmp)));
        LOG.warn("cannot write the speaker model to {} ({}); using the temporary folder {}", dir, cause.toString(), tmp);
        return materializeInto(tmp.resolve(NAME));
    }

    static Path materializeInto(Path dir) throws IOException {
        if (isVerified(dir)) {
            return dir;
        }
        Files.createDirectories(dir);
        for (Map.Entry<String, String> f : FILES.entrySet()) {
            Path target = dir.resolve(f.getKey());
            if (Files.isRegularFile(target) && f.getValue().equals(Sha256.of(target))) {
                continue;
            }
            Path tmp = Files.createTempFile(dir, f.getKey(), ".part");
            try {
                try (InputStream in = open(f.getKey())) {
                    Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                }
                String actual = Sha256.of(tmp);
                if (!actual.equals(f.getValue())) {
                    throw new ModelIntegrityException("bundled speaker model file " + f.getKey() + " is damaged or was "
                            + "replaced: SHA-256 " + actual + " does not match the expected " + f.getValue());
                }
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
        return dir;
    }

    /** True when every pinned file is in {@code dir} with its SHA-256. */
    public static boolean isVerified(Path dir) throws IOException {
        for (Map.Entry<String, String> f : FILES.entrySet()) {
            Path p = dir.resolve(f.getKey());
            if (!Files.isRegularFile(p) || !f.getValue().equals(Sha256.of(p))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Checks a speaker-model folder given by the user or downloaded (not pinned): it must hold the files libvosk
     * reads, non-empty. Malformed contents can crash libvosk, so pinned copies are preferred.
     *
     * @throws SpeakerModelException naming what is missing
     */
    public static Path checkFolder(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new SpeakerModelException("speaker model folder " + dir + " does not exist");
        }
        for (String f : REQUIRED) {
            Path p = dir.resolve(f);
            try {
                if (!Files.isRegularFile(p) || Files.size(p) == 0) {
                    throw new SpeakerModelException("speaker model folder " + dir + " has no " + f
                            + " (a Vosk speaker model has final.ext.raw, mean.vec, transform.mat and mfcc.conf)");
                }
            } catch (IOException e) {
                throw new SpeakerModelException("cannot read " + p + ": " + e.getMessage());
            }
        }
        return dir;
    }

    private static InputStream open(String file) throws IOException {
        InputStream in = SpeakerModelBundle.class.getResourceAsStream(RESOURCE_DIR + file);
        if (in == null) {
            throw new ModelIntegrityException("the bundled speaker model file " + file + " is missing from the class "
                    + "path (" + RESOURCE_DIR + file + "); is the attend-resources jar installed?");
        }
        return in;
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException ignored) {
            // temporary files; the OS cleans them up eventually
        }
    }
}
