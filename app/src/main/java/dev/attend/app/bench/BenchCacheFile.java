package dev.attend.app.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The bench's binary cache files: a magic number, then the owner's body. Written to a {@code .part} sibling and
 * moved into place, so an interrupted bench never leaves a half file that a later replay would trust.
 */
final class BenchCacheFile {

    /** Writes one cache file's body after the magic number. */
    interface Body {
        void write(DataOutputStream out) throws IOException;
    }

    private BenchCacheFile() {
    }

    /** The file opened after its magic number, or null when it is missing or another kind of file. */
    static DataInputStream open(Path file, int magic) throws IOException {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
        if (in.readInt() != magic) {
            in.close();
            return null;
        }
        return in;
    }

    static void write(Path file, int magic, Body body) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".part");
        try (DataOutputStream o = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
            o.writeInt(magic);
            body.write(o);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
