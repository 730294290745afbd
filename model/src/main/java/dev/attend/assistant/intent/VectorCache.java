package dev.attend.assistant.intent;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Phrase vectors kept on disk between runs, so a start embeds only phrases it has not seen (embedding the phrase
 * file takes seconds; reading it back, milliseconds). The file name carries the encoder's identity: another model
 * never reads these vectors. A broken file is ignored and rewritten.
 */
public final class VectorCache {

    private static final Logger LOG = LoggerFactory.getLogger(VectorCache.class);
    private static final int MAGIC = 0x41545643; // "ATVC"

    private final Path file;

    public VectorCache(Path file) {
        this.file = file;
    }

    /** For the bundled MiniLM: {@code dir/intent-vectors-<sha prefix>.bin}. */
    public static VectorCache in(Path dir, String modelSha256) {
        return new VectorCache(dir.resolve("intent-vectors-" + modelSha256.substring(0, 12) + ".bin"));
    }

    public Map<String, float[]> load() {
        Map<String, float[]> out = new HashMap<>();
        if (!Files.isRegularFile(file)) {
            return out;
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            if (in.readInt() != MAGIC) {
                return out;
            }
            int n = in.readInt();
            for (int i = 0; i < n; i++) {
                String text = in.readUTF();
                float[] v = new float[in.readInt()];
                for (int d = 0; d < v.length; d++) {
                    v[d] = in.readFloat();
                }
                out.put(text, v);
            }
        } catch (IOException | RuntimeException e) {
            LOG.info("phrase vector cache {} unreadable ({}); rebuilding it", file, e.toString());
            out.clear();
        }
        return out;
    }

    public void save(Map<String, float[]> vectors) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
                out.writeInt(MAGIC);
                out.writeInt(vectors.size());
                for (Map.Entry<String, float[]> e : vectors.entrySet()) {
                    out.writeUTF(e.getKey());
                    out.writeInt(e.getValue().length);
                    for (float f : e.getValue()) {
                        out.writeFloat(f);
                    }
                }
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.info("phrase vectors not cached ({}): the next start embeds them again", e.toString());
        }
    }
}
